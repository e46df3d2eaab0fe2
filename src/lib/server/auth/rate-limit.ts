import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rateLimitBucket } from './rate-limit.table';

export type RateRule = { window: number; max: number };
export type RateDecision = { allowed: boolean; retryAfter: number | null };

/**
 * Counts one attempt against `key` in a fixed window of `rule.window` seconds, atomically, in
 * Postgres: every app instance shares the same counters.
 */
export async function consume(db: Database, key: string, rule: RateRule): Promise<RateDecision> {
	const windowEnds = sql`${rateLimitBucket.windowStartedAt} + make_interval(secs => ${rule.window})`;
	const expired = sql`${windowEnds} <= now()`;
	const [bucket] = await db
		.insert(rateLimitBucket)
		.values({ key, count: 1, windowStartedAt: sql`now()` })
		.onConflictDoUpdate({
			target: rateLimitBucket.key,
			set: {
				count: sql`case when ${expired} then 1 else ${rateLimitBucket.count} + 1 end`,
				windowStartedAt: sql`case when ${expired} then now() else ${rateLimitBucket.windowStartedAt} end`
			}
		})
		.returning({
			count: rateLimitBucket.count,
			retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${windowEnds} - now()))))::int`
		});
	if (!bucket) throw new Error('rate limit upsert returned nothing');
	return bucket.count <= rule.max
		? { allowed: true, retryAfter: null }
		: { allowed: false, retryAfter: bucket.retryAfter };
}

/** Drops counters whose window ended long ago; run from time to time. */
export async function pruneBuckets(db: Database, olderThanSeconds = 86_400): Promise<void> {
	await db
		.delete(rateLimitBucket)
		.where(sql`${rateLimitBucket.windowStartedAt} < now() - make_interval(secs => ${olderThanSeconds})`);
}

/** The sign-in limits: per network address, and per account so a spread-out attack still stops. */
export const signInRules = {
	perAddress: { window: 300, max: 60 },
	perEmail: { window: 900, max: 10 }
} as const satisfies Record<string, RateRule>;
