import { and, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { user } from '../../auth/auth.table';
import { authorize, type Actor } from '../../auth/permissions';
import { userRole } from '../../auth/roles.table';
import type { Database } from '../../db/client';
import { Forbidden, NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { applicationEvent } from '../applications.table';
import type { InstitutesContext } from '../context';
import { reviewAssignment, reviewScore } from '../reviews.table';
import { assignSchema, conflictSchema } from './review-schemas';
import { reviewedApplication } from './reviewed-application';
import { conflictOf } from './standing';

type Internal = { applicationId: string; actorId: string; kind: string; message?: string; now: Date };

/** A line in the timeline only reviewers read. */
async function internalEvent(tx: Database, event: Internal) {
	await tx.insert(applicationEvent).values({ ...event, at: event.now, visibleToApplicant: false });
	await recordAudit(tx, {
		actorId: event.actorId,
		action: `application.${event.kind}`,
		subjectType: 'application',
		subjectId: event.applicationId,
		after: event.message ? { message: event.message } : undefined
	});
}

/** Nobody chooses who reviews their own application, or their group's, or one they stepped back from. */
async function refuseConflicted(tx: Database, actor: Actor, found: Parameters<typeof conflictOf>[2]) {
	if (await conflictOf(tx, actor.userId, found)) throw new Forbidden('applications.assign');
}

/** People who may review: those holding the reviewer or admin role. */
export async function reviewerCandidates(db: Database) {
	return db
		.selectDistinct({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.innerJoin(userRole, eq(userRole.userId, user.id))
		.where(inArray(userRole.role, ['reviewer', 'admin']))
		.orderBy(user.name);
}

/** Asks a reviewer to read an application; never one whose own, or whose group's, it is. */
export async function assignReviewer(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.assign');
	const { reviewerId } = parseInput(assignSchema, input);
	await db.transaction(async (tx) => {
		const found = await reviewedApplication(tx, id, true);
		await refuseConflicted(tx, actor, found);
		const candidate = (await reviewerCandidates(tx)).find((person) => person.id === reviewerId);
		if (!candidate) throw new NotFound(m.review_reviewer_unknown());
		const conflict = await conflictOf(tx, reviewerId, found);
		if (conflict) throw new Refused('conflicted', m.review_assign_conflicted({ name: candidate.name }));
		const added = await tx
			.insert(reviewAssignment)
			.values({ applicationId: found.id, reviewerId, assignedBy: actor.userId, assignedAt: context.now() })
			.onConflictDoNothing()
			.returning({ reviewerId: reviewAssignment.reviewerId });
		if (added.length === 0)
			throw new Refused('already_assigned', m.review_already_assigned({ name: candidate.name }));
		await internalEvent(tx, {
			applicationId: found.id,
			actorId: actor.userId,
			kind: 'reviewer_assigned',
			message: candidate.name,
			now: context.now()
		});
	});
}

/** Takes a reviewer off an application; a declared conflict stays on record. */
export async function unassignReviewer(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.assign');
	const { reviewerId } = parseInput(assignSchema, input);
	await db.transaction(async (tx) => {
		const found = await reviewedApplication(tx, id, true);
		await refuseConflicted(tx, actor, found);
		const [assignment] = await tx
			.select({ conflict: reviewAssignment.conflictDeclaredAt, name: user.name })
			.from(reviewAssignment)
			.innerJoin(user, eq(user.id, reviewAssignment.reviewerId))
			.where(and(eq(reviewAssignment.applicationId, found.id), eq(reviewAssignment.reviewerId, reviewerId)));
		if (!assignment) throw new NotFound(m.review_assignment_not_found());
		if (assignment.conflict) throw new Refused('conflict_on_record', m.review_conflict_stays());
		await tx
			.delete(reviewAssignment)
			.where(and(eq(reviewAssignment.applicationId, found.id), eq(reviewAssignment.reviewerId, reviewerId)));
		await internalEvent(tx, {
			applicationId: found.id,
			actorId: actor.userId,
			kind: 'reviewer_unassigned',
			message: assignment.name,
			now: context.now()
		});
	});
}

/** A reviewer says they have a conflict of interest: from then on they neither score nor decide. */
export async function declareConflict(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	const { note } = parseInput(conflictSchema, input);
	await db.transaction(async (tx) => {
		const found = await reviewedApplication(tx, id, true);
		const now = context.now();
		if ((await conflictOf(tx, actor.userId, found)) === 'declared')
			throw new Refused('already_declared', m.review_conflict_already_declared());
		await tx
			.insert(reviewAssignment)
			.values({
				applicationId: found.id,
				reviewerId: actor.userId,
				conflictDeclaredAt: now,
				conflictNote: note
			})
			.onConflictDoUpdate({
				target: [reviewAssignment.applicationId, reviewAssignment.reviewerId],
				set: { conflictDeclaredAt: now, conflictNote: note }
			});
		// Scores given before the conflict was known no longer count.
		await tx
			.delete(reviewScore)
			.where(and(eq(reviewScore.applicationId, found.id), eq(reviewScore.reviewerId, actor.userId)));
		await internalEvent(tx, {
			applicationId: found.id,
			actorId: actor.userId,
			kind: 'conflict_declared',
			message: note,
			now
		});
	});
}
