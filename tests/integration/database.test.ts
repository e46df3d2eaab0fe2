import { count, eq, sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import { databaseAnswers } from '../../src/lib/server/db/health';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { equipmentModel, equipmentUnit, site, user } from '../../src/lib/server/db/schema';
import { prepareDatabase } from '../../src/lib/server/db/setup';
import { backends, type TestDatabase } from './database';
import pino from 'pino';

const quiet = pino({ level: 'silent' });

for (const backend of backends()) {
	describe(`database on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('has the extensions later services rely on', async () => {
			const { db } = database;
			const [row] = await db
				.select({
					plain: sql<string>`unaccent('Médiathèque à Brest')`,
					similar: sql<number>`similarity('enregistreur', 'enregistreurs')`
				})
				.from(sql`(select 1) as one`);
			expect(row?.plain).toBe('Mediatheque a Brest');
			expect(row?.similar).toBeGreaterThan(0.5);
			// btree_gist: equality and range overlap in one exclusion constraint.
			await db.execute(
				sql`create temporary table probe (unit int, period tstzrange, exclude using gist (unit with =, period with &&))`
			);
			await db.execute(sql`insert into probe values (1, tstzrange('2027-01-01', '2027-01-02'))`);
			await expect(
				db.execute(sql`insert into probe values (1, tstzrange('2027-01-01 12:00', '2027-01-03'))`)
			).rejects.toThrow();
		});

		it('applies migrations only once', async () => {
			await migrateDatabase(database.db, './drizzle');
			const [applied] = await database.db.select({ n: count() }).from(sql`drizzle.__drizzle_migrations`);
			const journal = JSON.parse(readFileSync('./drizzle/meta/_journal.json', 'utf8')) as {
				entries: unknown[];
			};
			expect(applied?.n).toBe(journal.entries.length);
		});

		it('refuses what must never be stored', async () => {
			const { db } = database;
			await expect(
				db.insert(site).values({ slug: 'Not A Slug', name: 'x', address: 'x', latitude: 48, longitude: -4 })
			).rejects.toThrow();
			await expect(
				db.insert(site).values({ slug: 'far', name: 'x', address: 'x', latitude: 120, longitude: -4 })
			).rejects.toThrow();
			await expect(
				db.insert(user).values({ email: 'a@b.c', name: 'A', locale: 'de' as 'fr' })
			).rejects.toThrow();
		});

		it('answers the health check while open', async () => {
			expect(await databaseAnswers(database.db)).toBe(true);
		});
	});
}

describe('health check', () => {
	it('reports a database that no longer answers', async () => {
		const handle = await openDatabase({ inMemory: true });
		await handle.close();
		expect(await databaseAnswers(handle.db, 500)).toBe(false);
	});
});

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
	describe('two instances starting together on one Postgres', () => {
		it('migrate and seed once, one after the other', async () => {
			const postgresBackend = backends().find((backend) => backend.name === 'postgres');
			if (!postgresBackend) throw new Error('postgres backend missing');
			// A database with nothing in it, not even migrations.
			const target = await postgresBackend.fresh();
			await target.db.execute(
				sql`drop schema public cascade; create schema public; drop schema drizzle cascade`
			);
			const url = target.url ?? '';
			const instances = await Promise.all([openDatabase({ url }), openDatabase({ url })]);
			const settings = {
				databaseUrl: url,
				migrationsDir: './drizzle',
				seedDemo: true,
				mediaDir: mkdtempSync(join(tmpdir(), 'commons-setup-media-')),
				demoMediaDir: 'src/lib/server/db/seed/trail-media'
			};
			await Promise.all(instances.map((instance) => prepareDatabase(instance, settings, quiet)));
			const [people] = await target.db.select({ n: count() }).from(user);
			const [units] = await target.db
				.select({ n: count() })
				.from(equipmentUnit)
				.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
				.where(eq(equipmentModel.slug, 'zoom-h5'));
			expect(people?.n).toBe(5);
			expect(units?.n).toBe(6);
			await Promise.all(instances.map((instance) => instance.close()));
			await target.close();
		});
	});
}
