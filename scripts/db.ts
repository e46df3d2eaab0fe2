// npm run db:migrate | db:seed | db:reset — against DATABASE_URL, or the embedded PGlite in ./data.
import { sql } from 'drizzle-orm';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { migrateDatabase, withSetupLock } from '../src/lib/server/db/migrate';
import { seedDemo } from '../src/lib/server/db/seed';
import { targetOf } from '../src/lib/server/db/setup';
import { localStorage } from '../src/lib/server/media/storage';
import { loadEnv } from './load-env.js';

loadEnv();
const command = process.argv[2];
const settings = readConfig();
const database = await openDatabase(targetOf(settings), 1);

try {
	await withSetupLock(database.db, async () => {
		if (command === 'reset') {
			await database.db.execute(sql`drop schema if exists public cascade`);
			await database.db.execute(sql`drop schema if exists drizzle cascade`);
			await database.db.execute(sql`create schema public`);
		}
		if (command === 'migrate' || command === 'seed' || command === 'reset') {
			await migrateDatabase(database.db, settings.migrationsDir);
			console.log(`Migrations applied (${database.kind}).`);
		} else {
			throw new Error(`Unknown command "${command}": use migrate, seed or reset.`);
		}
		if (command === 'seed' || command === 'reset') {
			await seedDemo(database.db, {
				storage: localStorage(settings.mediaDir),
				sourceDir: settings.demoMediaDir
			});
			console.log('Brest demo data in place.');
		}
	});
} finally {
	await database.close();
}
