import { eq } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime';
import type { Database } from '../db/client';
import type { Auth } from './better-auth';
import type { Actor, Role } from './permissions';
import { userRole } from './roles.table';

export type SignedIn = {
	sessionId: string;
	person: { id: string; name: string; email: string; locale: Locale };
	actor: Actor;
};

export async function rolesOf(db: Database, userId: string): Promise<Set<Role>> {
	const rows = await db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, userId));
	return new Set<Role>(['resident', ...rows.map((row) => row.role)]);
}

/** Who is behind these request headers, according to their session cookie. */
export async function readSession(db: Database, auth: Auth, headers: Headers): Promise<SignedIn | null> {
	const found = await auth.api.getSession({ headers });
	if (!found) return null;
	const { user, session } = found;
	return {
		sessionId: session.id,
		person: {
			id: user.id,
			name: user.name,
			email: user.email,
			locale: user.locale === 'en' ? 'en' : 'fr'
		},
		actor: { userId: user.id, roles: await rolesOf(db, user.id) }
	};
}
