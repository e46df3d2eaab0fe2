import { and, asc, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { Refused } from '../../errors';
import { parseInput } from '../../forms';
import { frenchText, localizedOf, optionalText } from '../../lending/inventory/fields';
import { rubricCriterion } from '../institutes.table';
import { reviewScore } from '../reviews.table';
import type { CriterionDraft } from '$lib/institutes/builder/rubric-drafts';
import { applyListEdit, type ListEdit } from '$lib/institutes/builder/list-edits';
import { programmeBySlug } from './lookup';

const criterionSchema = z.object({
	id: z.uuid().nullish(),
	labelFr: frenchText(200, () => m.programme_criterion_label_required()),
	labelEn: optionalText(200),
	weight: z.coerce
		.number({ error: () => m.programme_criterion_weight_range() })
		.int({ error: () => m.programme_criterion_weight_range() })
		.min(1, { error: () => m.programme_criterion_weight_range() })
		.max(10, { error: () => m.programme_criterion_weight_range() })
});
const rubricSchema = z.object({ criteria: z.array(criterionSchema).max(20) });

/** A programme's criteria as the rubric editor shows them. */
export async function getRubric(db: Database, actor: Actor | null, slug: string) {
	authorize(actor, 'institutes.manage');
	const found = await programmeBySlug(db, slug);
	const criteria = await db
		.select()
		.from(rubricCriterion)
		.where(eq(rubricCriterion.programmeId, found.id))
		.orderBy(asc(rubricCriterion.position));
	return {
		programme: { slug: found.slug, title: found.title },
		criteria: criteria.map((row): CriterionDraft => ({
			id: row.id,
			labelFr: row.label.fr,
			labelEn: row.label.en ?? '',
			weight: String(row.weight)
		}))
	};
}

/**
 * Replaces the rubric with the criteria given, in order. A criterion reviewers already scored
 * keeps its identity (its scores stay with it) and cannot be removed.
 */
export async function saveRubric(db: Database, actor: Actor | null, slug: string, input: unknown) {
	authorize(actor, 'institutes.manage');
	const { criteria } = parseInput(rubricSchema, input);
	await db.transaction(async (tx) => {
		const found = await programmeBySlug(tx, slug, true);
		const kept = criteria.flatMap((criterion) => (criterion.id ? [criterion.id] : []));
		const ofProgramme = eq(rubricCriterion.programmeId, found.id);
		const removed = kept.length ? and(ofProgramme, notInArray(rubricCriterion.id, kept)) : ofProgramme;
		const [scored] = await tx
			.select({ scores: count() })
			.from(reviewScore)
			.innerJoin(rubricCriterion, eq(rubricCriterion.id, reviewScore.criterionId))
			.where(removed);
		if ((scored?.scores ?? 0) > 0) throw new Refused('criterion_scored', m.programme_criterion_scored());
		await tx.delete(rubricCriterion).where(removed);
		// Positions are unique per programme: move the kept ones out of the way before renumbering.
		if (kept.length)
			await tx
				.update(rubricCriterion)
				.set({ position: sql`${rubricCriterion.position} + 1000` })
				.where(and(ofProgramme, inArray(rubricCriterion.id, kept)));
		for (const [position, criterion] of criteria.entries()) {
			const values = {
				position,
				label: localizedOf(criterion.labelFr, criterion.labelEn),
				weight: criterion.weight
			};
			if (criterion.id)
				await tx
					.update(rubricCriterion)
					.set(values)
					.where(and(ofProgramme, eq(rubricCriterion.id, criterion.id)));
			else await tx.insert(rubricCriterion).values({ programmeId: found.id, ...values });
		}
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'programme.rubric',
			subjectType: 'programme',
			subjectId: found.id,
			after: criteria.map((criterion) => ({ label: criterion.labelFr, weight: criterion.weight }))
		});
	});
}

/** The criteria after adding, removing or moving one; nothing is saved until "save". */
export async function editRubricDraft(
	db: Database,
	actor: Actor | null,
	slug: string,
	drafts: CriterionDraft[],
	edit: ListEdit
) {
	authorize(actor, 'institutes.manage');
	await programmeBySlug(db, slug);
	return applyListEdit(drafts, edit, () => ({ id: '', labelFr: '', labelEn: '', weight: '1' }));
}
