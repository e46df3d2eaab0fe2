import pino from 'pino';
import { createAuth } from '../../src/lib/server/auth/better-auth';
import type { AuthDeps, Caller } from '../../src/lib/server/auth/flows';
import type { Database } from '../../src/lib/server/db/client';
import { createMailer } from '../../src/lib/server/mail/mailer';

export const ORIGIN = 'http://localhost:3000';

/** better-auth as the app builds it, with mail kept in the outbox, and no SvelteKit cookies. */
/** The portal's auth, and the database behind it for the test to look at. */
export type TestAuth = AuthDeps & { db: Database };

export function authFor(db: Database): TestAuth {
	const mailer = createMailer(db, { mailFrom: 'test@example.test' }, pino({ level: 'silent' }));
	const auth = createAuth(db, mailer, {
		origin: ORIGIN,
		secret: 'integration-tests-secret-that-is-long-enough',
		cityName: 'Brest',
		secureCookies: false
	});
	return { db, auth };
}

let address = 0;

/** A request from a browser on its own address, so rate limits of one test do not leak into others. */
export function caller(options: { cookie?: string; clientAddress?: string } = {}): Caller {
	address += 1;
	const headers = new Headers({ origin: ORIGIN, 'content-type': 'application/json' });
	if (options.cookie) headers.set('cookie', options.cookie);
	return { headers, clientAddress: options.clientAddress ?? `203.0.113.${address}` };
}
