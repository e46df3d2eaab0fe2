import { asc, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { Refused } from '../../errors';
import { parseInput } from '../../forms';
import type { InstitutesContext } from '../context';
import { rubricCriterion } from '../institutes.table';
import { reviewNote, reviewScore } from '../reviews.table';
import { noteSchema, scoresSchema } from './review-schemas';
import { judgedApplication } from './reviewed-application';

const SCORED = ['submitted', 'in_review', 'changes_requested', 'resubmitted'];

/** Saves the reviewer's score of every criterion of the programme's rubric, replacing their last. */
export async function saveScores(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	await db.transaction(async (tx) => {
		const found = await judgedApplication(tx, actor, id);
		if (!SCORED.includes(found.status)) throw new Refused('not_open', m.review_scores_closed());
		const criteria = await tx
			.select({ id: rubricCriterion.id })
			.from(rubricCriterion)
			.where(eq(rubricCriterion.programmeId, found.programmeId))
			.orderBy(asc(rubricCriterion.position));
		if (criteria.length === 0) throw new Refused('no_rubric', m.review_no_rubric());
		const fields = parseInput(scoresSchema(criteria.map((criterion) => criterion.id)), input);
		const now = context.now();
		const rows = criteria.map((criterion) => ({
			applicationId: found.id,
			reviewerId: actor.userId,
			criterionId: criterion.id,
			score: fields[`score.${criterion.id}`] as number,
			comment: (fields[`comment.${criterion.id}`] as string) || null,
			scoredAt: now
		}));
		await tx
			.insert(reviewScore)
			.values(rows)
			.onConflictDoUpdate({
				target: [reviewScore.applicationId, reviewScore.reviewerId, reviewScore.criterionId],
				set: { score: sql`excluded.score`, comment: sql`excluded.comment`, scoredAt: now }
			});
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'application.score',
			subjectType: 'application',
			subjectId: found.id,
			after: { scores: rows.map((row) => row.score) }
		});
	});
}

/** A note for the other reviewers; the applicant never sees it. */
export async function addReviewNote(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	const { text } = parseInput(noteSchema, input);
	await db.transaction(async (tx) => {
		const found = await judgedApplication(tx, actor, id);
		const [note] = await tx
			.insert(reviewNote)
			.values({ applicationId: found.id, authorId: actor.userId, text, createdAt: context.now() })
			.returning({ id: reviewNote.id });
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'application.note',
			subjectType: 'application',
			subjectId: found.id,
			after: { note: note?.id }
		});
	});
}
