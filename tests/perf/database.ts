// A database of its own for each benchmark run (lending, trails), on the Postgres server named by
// PERF_DATABASE_URL or TEST_DATABASE_URL, migrated and seeded with the Brest demo like a first start.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { seedDemo } from '../../src/lib/server/db/seed';

export type PerfDatabase = { name: string; url: string; drop: () => Promise<void> };

export function serverUrl(): string {
	const url = process.env.PERF_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (!url) {
		throw new Error(
			'The benchmarks need a PostgreSQL server: set PERF_DATABASE_URL (or TEST_DATABASE_URL), ' +
				'e.g. postgres://postgres@127.0.0.1:5432/postgres'
		);
	}
	return url;
}

/** Creates, migrates and seeds a fresh database; `keep` names an existing one to reuse as it is. */
export async function perfDatabase(
	keep?: string,
	prefix = 'commons_perf'
): Promise<PerfDatabase & { fresh: boolean }> {
	const server = serverUrl();
	const name = keep ?? `${prefix}_${randomBytes(4).toString('hex')}`;
	// It goes into SQL as a name, unquoted: only what a name made here can hold.
	if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name: ${name}`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const admin = postgres(server, { max: 1, onnotice: () => {} });
	const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
	if (!exists) await admin.unsafe(`create database ${name}`);
	await admin.end();
	if (!exists) {
		const handle = await openDatabase({ url: url.toString() }, 1);
		try {
			await migrateDatabase(handle.db, './drizzle');
			await seedDemo(handle.db);
		} finally {
			await handle.close();
		}
	}
	return {
		name,
		url: url.toString(),
		fresh: !exists,
		async drop() {
			const cleanup = postgres(server, { max: 1, onnotice: () => {} });
			await cleanup.unsafe(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	};
}
