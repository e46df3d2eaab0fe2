import { inArray, sql } from 'drizzle-orm';
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

/** Whether `key` has already reached `rule.max` in its current window, without counting a new attempt. */
export async function peek(db: Database, key: string, rule: RateRule): Promise<RateDecision> {
	const [bucket] = await db
		.select({
			count: rateLimitBucket.count,
			retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${rateLimitBucket.windowStartedAt} + make_interval(secs => ${rule.window}) - now()))))::int`
		})
		.from(rateLimitBucket)
		.where(
			sql`${rateLimitBucket.key} = ${key} and ${rateLimitBucket.windowStartedAt} + make_interval(secs => ${rule.window}) > now()`
		);
	return bucket && bucket.count >= rule.max
		? { allowed: false, retryAfter: bucket.retryAfter }
		: { allowed: true, retryAfter: null };
}

/** Forgets these counters (those naming a person, when their account is deleted). */
export async function forgetBuckets(db: Database, keys: string[]): Promise<void> {
	if (keys.length > 0) await db.delete(rateLimitBucket).where(inArray(rateLimitBucket.key, keys));
}

/** Drops counters whose window ended long ago; run from time to time. */
export async function pruneBuckets(db: Database, olderThanSeconds = 86_400): Promise<void> {
	await db
		.delete(rateLimitBucket)
		.where(sql`${rateLimitBucket.windowStartedAt} < now() - make_interval(secs => ${olderThanSeconds})`);
}
