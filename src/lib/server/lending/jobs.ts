import type { Database } from '../db/client';
import type { JobDefinition } from '../jobs/jobs';
import type { LendingContext } from './context';
import { sendOverdueNotices, sendPickupReminders, sendReturnReminders } from './reminders';
import { notifyFreedWaitlist } from './waitlist-job';

export const WAITLIST_JOB = 'lending-waitlist';

/** The lending service's scheduled work: reminders, overdue notices and the waitlist. */
export function lendingJobs(db: Database, context: () => LendingContext): JobDefinition[] {
	return [
		{ name: 'lending-pickup-reminders', cron: '5 * * * *', run: () => sendPickupReminders(db, context()) },
		{ name: 'lending-return-reminders', cron: '10 * * * *', run: () => sendReturnReminders(db, context()) },
		{ name: 'lending-overdue-notices', cron: '*/30 * * * *', run: () => sendOverdueNotices(db, context()) },
		{ name: WAITLIST_JOB, cron: '*/10 * * * *', run: () => notifyFreedWaitlist(db, context()) }
	];
}
