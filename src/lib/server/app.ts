import type { BetterAuthPlugin } from 'better-auth';
import { createAuth, type Auth } from './auth/better-auth';
import { authSecret } from './auth/secret';
import { config, type Config } from './config';
import { openDatabase, type Database, type DatabaseHandle } from './db/client';
import { prepareDatabase, targetOf } from './db/setup';
import { startHousekeeping } from './housekeeping';
import { log } from './log';
import { startJobs, type Jobs } from './jobs/jobs';
import type { LendingContext } from './lending/context';
import type { TrailsContext } from './trails/context';
import type { InstitutesContext } from './institutes/context';
import { localStorage, type MediaStorage } from './media/storage';
import { cityClock } from './clock';
import { lendingJobs, WAITLIST_JOB } from './lending/jobs';
import { reviewJobs } from './institutes/review/jobs';
import { createMailer, type Mailer } from './mail/mailer';

export type App = {
	settings: Config;
	media: MediaStorage;
	database: DatabaseHandle;
	db: Database;
	auth: Auth;
	mailer: Mailer;
	jobs: Jobs;
	/** The city's lending rules, clock and mail, for lending use cases. */
	lending: () => LendingContext;
	/** Addresses, mail, clock and media storage, for groups and trails. */
	trails: () => TrailsContext;
	/** Addresses, mail, clock and private attachment storage, for the institutes. */
	institutes: () => InstitutesContext;
	stop: () => Promise<void>;
};

let current: App | undefined;

/** Opens the database, prepares it, and builds the services every request uses. Once per process. */
export async function startApp(cookiePlugin?: BetterAuthPlugin): Promise<App> {
	if (current) return current;
	const settings = config();
	const database = await openDatabase(targetOf(settings));
	await prepareDatabase(database, settings, log);
	const mailer = createMailer(database.db, settings, log);
	const auth = createAuth(database.db, mailer, {
		origin: settings.origin,
		secret: await authSecret(settings),
		cityName: settings.cityName,
		secureCookies: settings.origin.startsWith('https:'),
		cookiePlugin
	});
	const stopHousekeeping = startHousekeeping(database.db, log);
	// The waitlist job is triggered by lending use cases, which the job runner itself calls.
	const queue: { jobs?: Jobs } = {};
	const media = localStorage(settings.mediaDir);
	const clock = cityClock(settings.clockStart);
	const lending = (): LendingContext => ({
		timeZone: settings.timeZone,
		activeBookingLimit: settings.activeBookingLimit,
		origin: settings.origin,
		mailer,
		now: clock,
		unitsReleased: () => queue.jobs?.trigger(WAITLIST_JOB),
		media: { storage: media, photoMaxBytes: settings.photoMaxBytes }
	});
	const trails = (): TrailsContext => ({
		origin: settings.origin,
		mailer,
		now: clock,
		media: { storage: media, limits: settings.mediaLimits }
	});
	const institutes = (): InstitutesContext => ({
		origin: settings.origin,
		mailer,
		now: clock,
		attachments: { storage: media, maxBytes: settings.attachmentMaxBytes }
	});
	const running = await startJobs(
		database.jobConnection,
		[...lendingJobs(database.db, lending), ...reviewJobs(database.db, institutes)],
		settings,
		log
	);
	queue.jobs = running;
	current = {
		settings,
		database,
		db: database.db,
		auth,
		mailer,
		jobs: running,
		lending,
		trails,
		institutes,
		media,
		async stop() {
			stopHousekeeping();
			await running.stop();
			mailer.stop();
			await database.close();
			current = undefined;
		}
	};
	log.info({ database: database.kind, mail: mailer.mode, origin: settings.origin }, 'portal ready');
	return current;
}

/** The running app; only valid after `startApp` (the server's init hook) has finished. */
export function app(): App {
	if (!current) throw new Error('The portal has not started yet');
	return current;
}
