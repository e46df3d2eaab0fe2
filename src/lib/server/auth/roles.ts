import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/client';
import { containing } from '../db/like';
import { NotFound, Refused } from '../errors';
import { parseInput } from '../forms';
import { user } from './auth.table';
import { authorize, staffRoles, type Actor, type StaffRole } from './permissions';
import { userRole } from './roles.table';

export type PersonWithRoles = { id: string; name: string; email: string; roles: StaffRole[] };

const PAGE_SIZE = 50;

/** People by name or email, with the staff roles each holds. Admins only. */
export async function listPeople(
	db: Database,
	actor: Actor | null,
	options: { query?: string; page?: number } = {}
): Promise<{ people: PersonWithRoles[]; hasMore: boolean }> {
	authorize(actor, 'people.list');
	// Control characters (NUL above all) cannot be searched for in Postgres text.
	const query = [...(options.query ?? '')]
		.filter((character) => character.charCodeAt(0) >= 0x20)
		.join('')
		.trim();
	const page = Math.min(1000, Math.max(1, Math.floor(options.page ?? 1) || 1));
	const pattern = query ? containing(query) : undefined;
	const rows = await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			roles: sql<
				StaffRole[]
			>`coalesce(array_agg(${userRole.role}::text order by ${userRole.role}) filter (where ${userRole.role} is not null), '{}')`
		})
		.from(user)
		.leftJoin(userRole, eq(userRole.userId, user.id))
		.where(pattern ? or(ilike(user.name, pattern), ilike(user.email, pattern)) : undefined)
		.groupBy(user.id)
		.orderBy(asc(user.name), asc(user.email))
		.limit(PAGE_SIZE + 1)
		.offset((page - 1) * PAGE_SIZE);
	return { people: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

const roleChange = z.object({
	userId: z.uuid({ error: () => m.roles_person_unknown() }),
	role: z.enum(staffRoles, { error: () => m.roles_role_unknown() })
});

export async function grantRole(db: Database, actor: Actor | null, input: unknown): Promise<void> {
	authorize(actor, 'roles.manage');
	const { userId, role } = parseInput(roleChange, input);
	await db.transaction(async (tx) => {
		const [person] = await tx.select({ id: user.id }).from(user).where(eq(user.id, userId));
		if (!person) throw new NotFound('person');
		const [granted] = await tx
			.insert(userRole)
			.values({ userId, role, grantedBy: actor.userId })
			.onConflictDoNothing()
			.returning({ role: userRole.role });
		if (granted) {
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'role.grant',
				subjectType: 'user',
				subjectId: userId,
				after: { role }
			});
		}
	});
}

export async function revokeRole(db: Database, actor: Actor | null, input: unknown): Promise<void> {
	authorize(actor, 'roles.manage');
	const { userId, role } = parseInput(roleChange, input);
	await db.transaction(async (tx) => {
		const [person] = await tx.select({ id: user.id }).from(user).where(eq(user.id, userId));
		if (!person) throw new NotFound('person');
		if (role === 'admin') await keepOneAdmin(tx, userId);
		const [revoked] = await tx
			.delete(userRole)
			.where(and(eq(userRole.userId, userId), eq(userRole.role, role)))
			.returning({ role: userRole.role });
		if (revoked) {
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'role.revoke',
				subjectType: 'user',
				subjectId: userId,
				before: { role }
			});
		}
	});
}

/**
 * Refuses to remove the last administrator, so the city can never lock itself out. Locks the
 * admin rows so two admins revoking each other at once cannot both succeed.
 */
export async function keepOneAdmin(tx: Database, leavingUserId: string): Promise<void> {
	const admins = await tx
		.select({ userId: userRole.userId })
		.from(userRole)
		.where(eq(userRole.role, 'admin'))
		.for('update');
	const remaining = admins.filter((admin) => admin.userId !== leavingUserId);
	if (admins.length > 0 && remaining.length === 0) {
		throw new Refused('last_admin', m.roles_last_admin());
	}
}
