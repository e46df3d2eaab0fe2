import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session, verification } from '../../src/lib/server/db/schema';
import { tidyUp } from '../../src/lib/server/housekeeping';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';

for (const backend of backends()) {
	describe(`housekeeping on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('forgets expired sessions and unused tokens, and keeps live ones', async () => {
			const person = await createPerson(database.db);
			await database.db.insert(session).values([
				{ token: 'expired', userId: person.id, expiresAt: sql`now() - interval '1 day'` },
				{ token: 'live', userId: person.id, expiresAt: sql`now() + interval '1 day'` }
			]);
			await database.db.insert(verification).values([
				{ identifier: 'old', value: 'v', expiresAt: sql`now() - interval '1 hour'` },
				{ identifier: 'fresh', value: 'v', expiresAt: sql`now() + interval '1 hour'` }
			]);
			await tidyUp(database.db);
			const sessions = await database.db
				.select({ token: session.token })
				.from(session)
				.where(eq(session.userId, person.id));
			expect(sessions.map((row) => row.token)).toEqual(['live']);
			const tokens = await database.db.select({ identifier: verification.identifier }).from(verification);
			expect(tokens.map((row) => row.identifier)).toEqual(['fresh']);
		});
	});
}
