import { and, eq, isNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { milestone } from '../applications.table';
import type { InstitutesContext } from '../context';
import { milestoneDoneSchema, milestoneSchema } from './review-schemas';
import { judgedApplication } from './reviewed-application';

async function acceptedApplication(tx: Database, actor: Actor, id: string) {
	const found = await judgedApplication(tx, actor, id);
	if (found.status !== 'accepted') throw new Refused('not_accepted', m.review_follow_up_accepted_only());
	return found;
}

/** A step the supported project promised, with the day it is due. */
export async function addMilestone(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	const { title, dueOn } = parseInput(milestoneSchema, input);
	await db.transaction(async (tx) => {
		const found = await acceptedApplication(tx, actor, id);
		const [added] = await tx
			.insert(milestone)
			.values({
				applicationId: found.id,
				position: sql`(select coalesce(max(position), 0) + 1 from milestone where application_id = ${found.id})`,
				title,
				dueOn,
				createdAt: context.now()
			})
			.returning({ id: milestone.id });
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'application.milestone_add',
			subjectType: 'application',
			subjectId: found.id,
			after: { milestone: added?.id, title, dueOn }
		});
	});
}

/** Marks a milestone reached. */
export async function markMilestoneDone(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	const { milestoneId } = parseInput(milestoneDoneSchema, input);
	await db.transaction(async (tx) => {
		const found = await acceptedApplication(tx, actor, id);
		const [existing] = await tx
			.select({ doneAt: milestone.doneAt })
			.from(milestone)
			.where(and(eq(milestone.id, milestoneId), eq(milestone.applicationId, found.id)));
		if (!existing) throw new NotFound(m.review_milestone_not_found());
		if (existing.doneAt) throw new Refused('already_done', m.review_milestone_already_done());
		await tx
			.update(milestone)
			.set({ doneAt: context.now() })
			.where(and(eq(milestone.id, milestoneId), isNull(milestone.doneAt)));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'application.milestone_done',
			subjectType: 'application',
			subjectId: found.id,
			after: { milestone: milestoneId }
		});
	});
}
