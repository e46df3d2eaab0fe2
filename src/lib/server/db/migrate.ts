import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PgDialect, type PgSession } from 'drizzle-orm/pg-core';
import type { Database } from './client';

// Any fixed 64-bit number works; it only has to be the same for every instance of the portal.
const SETUP_LOCK = 727_001_2026;

/**
 * Runs `work` while holding a Postgres advisory lock, so that two instances starting together
 * migrate and seed one after the other. `db` must be a single connection (pool of one).
 */
export async function withSetupLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
	await db.execute(sql`select pg_advisory_lock(${SETUP_LOCK})`);
	try {
		return await work();
	} finally {
		await db.execute(sql`select pg_advisory_unlock(${SETUP_LOCK})`);
	}
}

/** Applies the committed drizzle-kit migrations that this database has not seen yet. */
export async function migrateDatabase(db: Database, migrationsFolder: string): Promise<void> {
	const migrations = readMigrationFiles({ migrationsFolder });
	// The dialect's migrator ignores the schema; only the session's type parameters differ.
	const session = db._.session as unknown as PgSession;
	await new PgDialect().migrate(migrations, session, { migrationsFolder });
}
