import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';

export type JobConnection = { connectionString: string } | { pglite: PGlite };

/** A job that runs on a schedule (cron, on the city's clock) and whenever something triggers it. */
export type JobDefinition = { name: string; cron: string; run: () => Promise<number> };

export type Jobs = {
	/** Asks for a run soon, on whichever instance picks it up first. */
	trigger: (name: string) => void;
	stop: () => Promise<void>;
};

/**
 * Queues live in the same Postgres (pg-boss), so any number of instances share them: each
 * scheduled run and each trigger is handled by exactly one instance.
 */
export async function startJobs(
	connection: JobConnection,
	definitions: JobDefinition[],
	settings: { timeZone: string },
	log: Logger
): Promise<Jobs> {
	const { PgBoss, fromPglite } = await import('pg-boss');
	const boss =
		'pglite' in connection
			? new PgBoss({ db: fromPglite(connection.pglite), backend: 'pglite' })
			: new PgBoss({ connectionString: connection.connectionString, max: 2 });
	boss.on('error', (error) => log.warn({ err: error }, 'job queue error'));
	await boss.start();
	for (const job of definitions) {
		await boss.createQueue(job.name);
		await boss.schedule(job.name, job.cron, null, { tz: settings.timeZone });
		await boss.work(job.name, async () => {
			const done = await job.run();
			if (done > 0) log.info({ job: job.name, done }, 'job ran');
		});
	}
	return {
		trigger(name) {
			boss.send(name, null, { singletonSeconds: 5 }).catch((error: unknown) => {
				log.warn({ err: error, job: name }, 'could not trigger job');
			});
		},
		stop: () => boss.stop({ graceful: true, timeout: 5000 })
	};
}
