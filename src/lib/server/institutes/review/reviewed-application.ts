import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import { isUuid } from '../../ids';
import { application } from '../applications.table';
import { reviewStanding } from './standing';

export type ReviewedApplication = typeof application.$inferSelect;

/**
 * An application as reviewers may see it, locked for the change about to be made when asked.
 * A draft is the applicant's private work, even withdrawn unsent: for reviewers it does not exist.
 */
export async function reviewedApplication(
	db: Database,
	id: string,
	lock = false
): Promise<ReviewedApplication> {
	if (!isUuid(id)) throw new NotFound(m.review_application_not_found());
	const query = db.select().from(application).where(eq(application.id, id));
	const [found] = lock ? await query.for('update') : await query;
	if (!found || found.status === 'draft' || found.submittedAt === null)
		throw new NotFound(m.review_application_not_found());
	return found;
}

/** Locks the application and refuses unless the actor may judge it (a reviewer without conflict). */
export async function judgedApplication(db: Database, actor: Actor, id: string) {
	const found = await reviewedApplication(db, id, true);
	authorize(actor, 'applications.judge', await reviewStanding(db, actor, found));
	return found;
}
