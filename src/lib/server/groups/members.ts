import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound, Refused } from '../errors';
import { parseInput } from '../forms';
import { groupMember } from './groups.table';
import { personSchema, roleChangeSchema } from './schemas';
import { groupBySlug, standingIn } from './standing';

const memberRow = (groupId: string, userId: string) =>
	and(eq(groupMember.groupId, groupId), eq(groupMember.userId, userId));

async function roleOf(db: Database, groupId: string, userId: string) {
	const [row] = await db
		.select({ role: groupMember.role })
		.from(groupMember)
		.where(memberRow(groupId, userId))
		.for('update');
	if (!row) throw new NotFound(m.group_member_unknown());
	return row.role;
}

/** The owner makes a member an editor or an editor a member; ownership moves only by transfer. */
export async function changeMemberRole(db: Database, actor: Actor | null, slug: string, input: unknown) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.manage', await standingIn(db, found.id, actor));
	const request = parseInput(roleChangeSchema, input);
	await db.transaction(async (tx) => {
		if ((await roleOf(tx, found.id, request.person)) === 'owner')
			throw new Refused('owner_role', m.group_owner_role_fixed());
		await tx.update(groupMember).set({ role: request.role }).where(memberRow(found.id, request.person));
	});
}

export async function removeMember(db: Database, actor: Actor | null, slug: string, input: unknown) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.manage', await standingIn(db, found.id, actor));
	const { person } = parseInput(personSchema, input);
	await db.transaction(async (tx) => {
		if ((await roleOf(tx, found.id, person)) === 'owner')
			throw new Refused('owner_role', m.group_owner_cannot_leave());
		await tx.delete(groupMember).where(memberRow(found.id, person));
	});
}

/** A member leaves; the owner must hand the group over first, so a group always has one. */
export async function leaveGroup(db: Database, actor: Actor | null, slug: string) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.leave', await standingIn(db, found.id, actor));
	await db.transaction(async (tx) => {
		if ((await roleOf(tx, found.id, actor.userId)) === 'owner')
			throw new Refused('owner_role', m.group_owner_cannot_leave());
		await tx.delete(groupMember).where(memberRow(found.id, actor.userId));
	});
}

/** Hands the group to another member; the former owner stays on as an editor. */
export async function transferOwnership(db: Database, actor: Actor | null, slug: string, input: unknown) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.manage', await standingIn(db, found.id, actor));
	const { person } = parseInput(personSchema, input);
	if (person === actor.userId) throw new Refused('owner_role', m.group_already_owner());
	await db.transaction(async (tx) => {
		// Re-read under lock: the owner may have changed since the page was loaded.
		if ((await roleOf(tx, found.id, actor.userId)) !== 'owner')
			throw new Refused('owner_role', m.group_not_owner(), 403);
		await roleOf(tx, found.id, person);
		await tx.update(groupMember).set({ role: 'editor' }).where(memberRow(found.id, actor.userId));
		await tx.update(groupMember).set({ role: 'owner' }).where(memberRow(found.id, person));
	});
}
