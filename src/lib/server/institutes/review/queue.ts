import { and, asc, eq, inArray, isNotNull, isNull, ne, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { applicationStatuses } from '../../../institutes/transitions';
import { user } from '../../auth/auth.table';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { group, groupMember } from '../../groups/groups.table';
import { application } from '../applications.table';
import { programme, rubricCriterion } from '../institutes.table';
import { reviewAssignment, reviewScore } from '../reviews.table';
import { summarizeScores } from './scoring';

export const queueStatuses = applicationStatuses.filter((status) => status !== 'draft');

// A filter that makes no sense is no filter: the queue never answers a typo with an error.
const filtersSchema = z.object({
	programme: z
		.string()
		.regex(/^[a-z0-9-]{1,80}$/)
		.optional()
		.catch(undefined),
	status: z.enum(queueStatuses).optional().catch(undefined),
	mine: z.literal('1').optional().catch(undefined)
});

/** Submitted applications (never drafts) for reviewers, oldest first, with who reads them and the average. */
export async function listApplicationQueue(db: Database, actor: Actor | null, input: Record<string, string>) {
	authorize(actor, 'applications.review');
	const filters = filtersSchema.parse(input);
	const conditions: SQL[] = [ne(application.status, 'draft'), isNotNull(application.submittedAt)];
	if (filters.programme) conditions.push(eq(programme.slug, filters.programme));
	// Without a chosen status, the queue is the work still to do; decided ones are a filter away.
	conditions.push(
		filters.status
			? eq(application.status, filters.status)
			: inArray(application.status, ['submitted', 'in_review', 'changes_requested', 'resubmitted'])
	);
	if (filters.mine)
		conditions.push(
			inArray(
				application.id,
				db
					.select({ id: reviewAssignment.applicationId })
					.from(reviewAssignment)
					.where(
						and(eq(reviewAssignment.reviewerId, actor.userId), isNull(reviewAssignment.conflictDeclaredAt))
					)
			)
		);
	const rows = await db
		.select({
			id: application.id,
			title: application.title,
			status: application.status,
			submittedAt: application.submittedAt,
			expectedDecisionAt: application.expectedDecisionAt,
			programme: { slug: programme.slug, title: programme.title },
			groupName: group.name,
			personName: user.name,
			userId: application.userId,
			groupId: application.groupId
		})
		.from(application)
		.innerJoin(programme, eq(programme.id, application.programmeId))
		.leftJoin(group, eq(group.id, application.groupId))
		.leftJoin(user, eq(user.id, application.userId))
		.where(and(...conditions))
		.orderBy(asc(application.submittedAt))
		.limit(300);
	const ids = rows.map((row) => row.id);
	const [assigned, scores, programmes] = await Promise.all([
		ids.length === 0
			? []
			: db
					.select({ applicationId: reviewAssignment.applicationId, name: user.name })
					.from(reviewAssignment)
					.innerJoin(user, eq(user.id, reviewAssignment.reviewerId))
					.where(
						and(inArray(reviewAssignment.applicationId, ids), isNull(reviewAssignment.conflictDeclaredAt))
					)
					.orderBy(asc(user.name)),
		ids.length === 0
			? []
			: db
					.select({
						applicationId: reviewScore.applicationId,
						reviewerId: reviewScore.reviewerId,
						score: reviewScore.score,
						weight: rubricCriterion.weight
					})
					.from(reviewScore)
					.innerJoin(rubricCriterion, eq(rubricCriterion.id, reviewScore.criterionId))
					.where(inArray(reviewScore.applicationId, ids)),
		db.select({ slug: programme.slug, title: programme.title }).from(programme).orderBy(asc(programme.slug))
	]);
	const conflicted = await conflictedAmong(db, actor.userId, rows);
	return {
		filters,
		programmes,
		applications: rows.map((row) => ({
			...row,
			reviewers: assigned.filter((entry) => entry.applicationId === row.id).map((entry) => entry.name),
			conflicted: conflicted.has(row.id),
			// Nobody reads how their own, or their group's, application is being scored.
			average: conflicted.has(row.id)
				? null
				: summarizeScores(scores.filter((entry) => entry.applicationId === row.id)).overall
		}))
	};
}

/** The rows the viewer may not judge: their own, their groups', those they declared a conflict on. */
async function conflictedAmong(
	db: Database,
	viewerId: string,
	rows: { id: string; userId: string | null; groupId: string | null }[]
): Promise<Set<string>> {
	const [memberships, declared] = await Promise.all([
		db.select({ groupId: groupMember.groupId }).from(groupMember).where(eq(groupMember.userId, viewerId)),
		db
			.select({ applicationId: reviewAssignment.applicationId })
			.from(reviewAssignment)
			.where(and(eq(reviewAssignment.reviewerId, viewerId), isNotNull(reviewAssignment.conflictDeclaredAt)))
	]);
	const groups = new Set(memberships.map((entry) => entry.groupId));
	const stepped = new Set(declared.map((entry) => entry.applicationId));
	return new Set(
		rows
			.filter(
				(row) =>
					row.userId === viewerId || (row.groupId !== null && groups.has(row.groupId)) || stepped.has(row.id)
			)
			.map((row) => row.id)
	);
}
