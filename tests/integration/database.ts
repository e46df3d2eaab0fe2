import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseHandle } from '../../src/lib/server/db/client';
import { migrateDatabase } from '../../src/lib/server/db/migrate';

export type Backend = {
	name: 'pglite' | 'postgres';
	/** A new, migrated, empty database that nothing else touches. */
	fresh: () => Promise<TestDatabase>;
};

export type TestDatabase = DatabaseHandle & {
	/** Postgres only: the URL of this database, to open more connections to it. */
	url?: string;
};

const MIGRATIONS = './drizzle';

const pglite: Backend = {
	name: 'pglite',
	async fresh() {
		const handle = await openDatabase({ inMemory: true });
		await migrateDatabase(handle.db, MIGRATIONS);
		return handle;
	}
};

function postgresBackend(serverUrl: string): Backend {
	return {
		name: 'postgres',
		async fresh() {
			const name = `commons_test_${randomBytes(6).toString('hex')}`;
			const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${name}`);
			await admin.end();
			const url = new URL(serverUrl);
			url.pathname = `/${name}`;
			const handle = await openDatabase({ url: url.toString() });
			await migrateDatabase(handle.db, MIGRATIONS);
			return {
				...handle,
				url: url.toString(),
				async close() {
					await handle.close();
					const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
					await cleanup.unsafe(`drop database if exists ${name} with (force)`);
					await cleanup.end();
				}
			};
		}
	};
}

/**
 * Integration tests run on the embedded PGlite always, and on a real Postgres server too when
 * TEST_DATABASE_URL names one. CI must name one: there, its absence fails the run.
 */
export function backends(): Backend[] {
	const url = process.env.TEST_DATABASE_URL;
	if (!url && process.env.CI) {
		throw new Error('CI must set TEST_DATABASE_URL: integration tests have to run on Postgres too');
	}
	return url ? [pglite, postgresBackend(url)] : [pglite];
}

export type { Database };
