import { eq } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime';
import type { Database } from '../db/client';
import { COOKIE_PREFIX, type Auth } from './better-auth';
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

/** `commons.session_token`, or `__Secure-commons.session_token` over https. */
const SESSION_COOKIE = `${COOKIE_PREFIX}.session_token`;

/** Who is behind these request headers, according to their session cookie. */
export async function readSession(db: Database, auth: Auth, headers: Headers): Promise<SignedIn | null> {
	// Most requests carry no session; asking better-auth about them costs more than answering them.
	if (!headers.get('cookie')?.includes(SESSION_COOKIE)) return null;
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
