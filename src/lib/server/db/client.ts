import { mkdir } from 'node:fs/promises';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { JobConnection } from '../jobs/jobs';
import * as schema from './schema';

type Schema = typeof schema;

/** What every use case receives: the database or a transaction inside it (a subtype), on either driver. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle = {
	db: Database;
	kind: 'postgres' | 'pglite';
	/** How the job queue (pg-boss) reaches the same database. */
	jobConnection: JobConnection;
	close: () => Promise<void>;
};

export type DatabaseTarget = { url: string } | { pgliteDir: string } | { inMemory: true };

/** Opens Postgres through postgres.js when a URL is given, otherwise the embedded PGlite. */
export async function openDatabase(target: DatabaseTarget, poolSize = 10): Promise<DatabaseHandle> {
	if ('url' in target) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const client = postgres(target.url, { max: poolSize, onnotice: () => {} });
		return {
			db: drizzle({ client, schema }) as unknown as Database,
			kind: 'postgres',
			jobConnection: { connectionString: target.url },
			close: () => client.end({ timeout: 5 })
		};
	}
	const client = await openPglite('pgliteDir' in target ? target.pgliteDir : undefined);
	const { drizzle } = await import('drizzle-orm/pglite');
	return {
		db: drizzle({ client, schema }) as unknown as Database,
		kind: 'pglite',
		jobConnection: { pglite: client },
		close: () => client.close()
	};
}

async function openPglite(dataDir: string | undefined) {
	const [{ PGlite }, { btree_gist }, { pg_trgm }, { unaccent }] = await Promise.all([
		import('@electric-sql/pglite'),
		import('@electric-sql/pglite/contrib/btree_gist'),
		import('@electric-sql/pglite/contrib/pg_trgm'),
		import('@electric-sql/pglite/contrib/unaccent')
	]);
	if (dataDir) await mkdir(dataDir, { recursive: true });
	return PGlite.create({ dataDir, extensions: { btree_gist, pg_trgm, unaccent } });
}
