import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { consume, pruneBuckets } from '../../src/lib/server/auth/rate-limit';
import { rateLimitBucket } from '../../src/lib/server/db/schema';
import { backends, type TestDatabase } from './database';

for (const backend of backends()) {
	describe(`rate limits on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('allows up to the limit within a window, then says how long to wait', async () => {
			const rule = { window: 60, max: 3 };
			const decisions = [];
			for (let attempt = 0; attempt < 5; attempt += 1) decisions.push(await consume(database.db, 'k1', rule));
			expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false, false]);
			expect(decisions[4]?.retryAfter).toBeGreaterThan(0);
			expect(decisions[4]?.retryAfter).toBeLessThanOrEqual(60);
		});

		it('starts a new window once the old one has passed', async () => {
			const rule = { window: 60, max: 1 };
			expect((await consume(database.db, 'k2', rule)).allowed).toBe(true);
			expect((await consume(database.db, 'k2', rule)).allowed).toBe(false);
			await database.db
				.update(rateLimitBucket)
				.set({ windowStartedAt: sql`now() - interval '2 minutes'` })
				.where(eq(rateLimitBucket.key, 'k2'));
			expect((await consume(database.db, 'k2', rule)).allowed).toBe(true);
		});

		it('lets exactly the limit through when attempts arrive at once, on separate connections', async () => {
			// Two app instances share the counter: simulate them with several connections.
			const others = database.url
				? await Promise.all([openDatabase({ url: database.url }, 4), openDatabase({ url: database.url }, 4)])
				: [];
			const handles = [database.db, ...others.map((other) => other.db)];
			const rule = { window: 60, max: 5 };
			const decisions = await Promise.all(
				Array.from({ length: 24 }, (_, index) =>
					consume(handles[index % handles.length] ?? database.db, 'burst', rule)
				)
			);
			expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
			await Promise.all(others.map((other) => other.close()));
		});

		it('prunes old counters', async () => {
			await database.db
				.update(rateLimitBucket)
				.set({ windowStartedAt: sql`now() - interval '2 days'` })
				.where(eq(rateLimitBucket.key, 'k1'));
			await pruneBuckets(database.db);
			const left = await database.db.select({ key: rateLimitBucket.key }).from(rateLimitBucket);
			expect(left.map((row) => row.key)).not.toContain('k1');
			expect(left.map((row) => row.key)).toContain('burst');
		});
	});
}
