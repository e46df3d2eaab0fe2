import type { Database } from '../../db/client';
import type { JobDefinition } from '../../jobs/jobs';
import type { InstitutesContext } from '../context';
import { sendReviewerDigests } from './digest';

/** The reviewers' daily digest, at seven in the morning on the city's clock. */
export function reviewJobs(db: Database, context: () => InstitutesContext): JobDefinition[] {
	return [{ name: 'review-daily-digest', cron: '0 7 * * *', run: () => sendReviewerDigests(db, context()) }];
}
