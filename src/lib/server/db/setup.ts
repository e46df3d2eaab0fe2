import type { Logger } from 'pino';
import type { Config } from '../config';
import { openDatabase, type DatabaseHandle } from './client';
import { migrateDatabase, withSetupLock } from './migrate';
import { localStorage } from '../media/storage';
import { isEmpty, seedDemo } from './seed';

export function targetOf(settings: Pick<Config, 'databaseUrl' | 'pgliteDir'>) {
	return settings.databaseUrl ? { url: settings.databaseUrl } : { pgliteDir: settings.pgliteDir };
}

/**
 * Brings the database up to date before the portal serves anyone: migrations, then the demo on
 * an empty database. Holds an advisory lock so that instances starting together take turns.
 */
export async function prepareDatabase(
	main: DatabaseHandle,
	settings: Pick<Config, 'databaseUrl' | 'migrationsDir' | 'seedDemo' | 'mediaDir' | 'demoMediaDir'>,
	log: Logger
): Promise<void> {
	const setup = settings.databaseUrl ? await openDatabase({ url: settings.databaseUrl }, 1) : main;
	try {
		await withSetupLock(setup.db, async () => {
			await migrateDatabase(setup.db, settings.migrationsDir);
			if (settings.seedDemo && (await isEmpty(setup.db))) {
				log.warn(
					'empty database: seeding the demo city, with demo accounts whose password is public (SEED_DEMO=false to prevent)'
				);
				await seedDemo(setup.db, {
					storage: localStorage(settings.mediaDir),
					sourceDir: settings.demoMediaDir
				});
			}
		});
	} finally {
		if (setup !== main) await setup.close();
	}
}
