import { hashPassword } from 'better-auth/crypto';
import { account, user, userRole } from '../../src/lib/server/db/schema';
import type { Actor, StaffRole } from '../../src/lib/server/auth/permissions';
import type { Database } from '../../src/lib/server/db/client';

let counter = 0;

/** Adds a person who can sign in with `password`, holding the given staff roles. */
export async function createPerson(
	db: Database,
	options: {
		roles?: StaffRole[];
		email?: string;
		name?: string;
		password?: string;
		locale?: 'fr' | 'en';
	} = {}
): Promise<{ id: string; email: string; actor: Actor }> {
	counter += 1;
	const email = options.email ?? `person-${counter}-${Date.now()}@example.test`;
	const [created] = await db
		.insert(user)
		.values({ email, name: options.name ?? `Person ${counter}`, locale: options.locale ?? 'fr' })
		.returning({ id: user.id });
	if (!created) throw new Error('could not create person');
	await db.insert(account).values({
		userId: created.id,
		accountId: created.id,
		providerId: 'credential',
		password: await hashPassword(options.password ?? 'a long enough password')
	});
	const roles = options.roles ?? [];
	if (roles.length > 0) await db.insert(userRole).values(roles.map((role) => ({ userId: created.id, role })));
	return { id: created.id, email, actor: { userId: created.id, roles: new Set(['resident', ...roles]) } };
}
