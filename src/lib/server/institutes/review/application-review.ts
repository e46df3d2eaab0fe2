import { asc, eq } from 'drizzle-orm';
import { availableTransitions } from '../../../institutes/transitions';
import { user } from '../../auth/auth.table';
import { authorize, can, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { group } from '../../groups/groups.table';
import { applicationAttachment, applicationEvent, milestone, progressReport } from '../applications.table';
import { applicationForm, programme, rubricCriterion } from '../institutes.table';
import { reviewAssignment, reviewNote, reviewScore } from '../reviews.table';
import { reviewerCandidates } from './assignments';
import { reviewedApplication } from './reviewed-application';
import { summarizeScores } from './scoring';
import { reviewStanding } from './standing';

/** What the reviewers' page shows to judge the application, minus what a conflicted viewer must not see. */
async function judgement(db: Database, applicationId: string) {
	const [notes, scores] = await Promise.all([
		db
			.select({
				id: reviewNote.id,
				text: reviewNote.text,
				createdAt: reviewNote.createdAt,
				author: user.name
			})
			.from(reviewNote)
			.leftJoin(user, eq(user.id, reviewNote.authorId))
			.where(eq(reviewNote.applicationId, applicationId))
			.orderBy(asc(reviewNote.createdAt)),
		db
			.select({
				reviewerId: reviewScore.reviewerId,
				reviewer: user.name,
				criterionId: reviewScore.criterionId,
				score: reviewScore.score,
				comment: reviewScore.comment,
				weight: rubricCriterion.weight
			})
			.from(reviewScore)
			.innerJoin(rubricCriterion, eq(rubricCriterion.id, reviewScore.criterionId))
			.innerJoin(user, eq(user.id, reviewScore.reviewerId))
			.where(eq(reviewScore.applicationId, applicationId))
			.orderBy(asc(user.name), asc(rubricCriterion.position))
	]);
	return { notes, scores, summary: summarizeScores(scores) };
}

/** An application as a reviewer reads it: answers by its own form version, timeline, reviews, follow-up. */
export async function getApplicationReview(db: Database, actor: Actor | null, id: string) {
	authorize(actor, 'applications.review');
	const found = await reviewedApplication(db, id);
	const standing = await reviewStanding(db, actor, found);
	const [[call], [form], criteria, attachments, events, assignments, milestones, reports, applicant] =
		await Promise.all([
			db.select().from(programme).where(eq(programme.id, found.programmeId)),
			db.select().from(applicationForm).where(eq(applicationForm.id, found.formId)),
			db
				.select()
				.from(rubricCriterion)
				.where(eq(rubricCriterion.programmeId, found.programmeId))
				.orderBy(asc(rubricCriterion.position)),
			db
				.select({
					id: applicationAttachment.id,
					fieldKey: applicationAttachment.fieldKey,
					name: applicationAttachment.name,
					bytes: applicationAttachment.bytes
				})
				.from(applicationAttachment)
				.where(eq(applicationAttachment.applicationId, found.id)),
			db
				.select({ event: applicationEvent, actor: user.name })
				.from(applicationEvent)
				.leftJoin(user, eq(user.id, applicationEvent.actorId))
				.where(eq(applicationEvent.applicationId, found.id))
				.orderBy(asc(applicationEvent.at)),
			db
				.select({ assignment: reviewAssignment, name: user.name })
				.from(reviewAssignment)
				.innerJoin(user, eq(user.id, reviewAssignment.reviewerId))
				.where(eq(reviewAssignment.applicationId, found.id))
				.orderBy(asc(reviewAssignment.assignedAt)),
			db
				.select()
				.from(milestone)
				.where(eq(milestone.applicationId, found.id))
				.orderBy(asc(milestone.position)),
			db
				.select({ report: progressReport, author: user.name })
				.from(progressReport)
				.leftJoin(user, eq(user.id, progressReport.authorId))
				.where(eq(progressReport.applicationId, found.id))
				.orderBy(asc(progressReport.createdAt)),
			applicantOf(db, found)
		]);
	if (!call || !form) throw new Error('an application without its programme or form');
	// Someone judging their own or their group's application must not read how it is being judged.
	const canAssign = can(actor, 'applications.assign') && !standing.conflicted;
	const assignedIds = new Set(assignments.map((entry) => entry.assignment.reviewerId));
	return {
		application: found,
		programme: call,
		fields: form.fields,
		formVersion: form.version,
		criteria,
		attachments,
		events: standing.conflicted ? events.filter((entry) => entry.event.visibleToApplicant) : events,
		assignments: standing.conflicted
			? assignments.map((entry) => ({
					...entry,
					assignment: { ...entry.assignment, conflictNote: null }
				}))
			: assignments,
		milestones,
		reports,
		applicant,
		standing,
		transitions: standing.conflicted ? [] : availableTransitions(found.status, 'reviewer'),
		judgement: standing.conflicted ? null : await judgement(db, found.id),
		candidates: canAssign
			? (await reviewerCandidates(db)).filter((person) => !assignedIds.has(person.id))
			: [],
		canAssign,
		viewerId: actor.userId
	};
}

async function applicantOf(db: Database, found: { groupId: string | null; userId: string | null }) {
	if (found.groupId) {
		const [named] = await db
			.select({ name: group.name, slug: group.slug })
			.from(group)
			.where(eq(group.id, found.groupId));
		return { kind: 'group' as const, name: named?.name ?? '', slug: named?.slug ?? null };
	}
	if (!found.userId) return { kind: 'person' as const, name: null, slug: null };
	const [person] = await db.select({ name: user.name }).from(user).where(eq(user.id, found.userId));
	return { kind: 'person' as const, name: person?.name ?? null, slug: null };
}
