import { lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { session, verification } from './auth/auth.table';
import { pruneBuckets } from './auth/rate-limit';
import type { Database } from './db/client';
import { pruneOutbox } from './mail/outbox';

/** Forgets what has expired: rate-limit counters, old mail, dead sessions and unused tokens. */
export async function tidyUp(db: Database): Promise<void> {
	await pruneBuckets(db);
	await pruneOutbox(db);
	await db.delete(session).where(lt(session.expiresAt, sql`now()`));
	await db.delete(verification).where(lt(verification.expiresAt, sql`now()`));
}

/** Once an hour on every instance; each step is idempotent, so instances may overlap. */
export function startHousekeeping(db: Database, log: Logger): () => void {
	const timer = setInterval(
		() => {
			tidyUp(db).catch((error: unknown) => log.warn({ err: error }, 'housekeeping failed'));
		},
		60 * 60 * 1000
	);
	timer.unref();
	return () => clearInterval(timer);
}
