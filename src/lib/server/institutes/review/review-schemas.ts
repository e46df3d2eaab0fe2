import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { lineText, longText } from '../../text-fields';

const EUROS = /^\d{1,9}(?:[.,]\d{1,2})?$/;

/** "1 000,50", "1000.5" or "1000 €" as integer cents; empty means no amount. */
export const euroAmount = z
	.string()
	.default('')
	.transform((text) => text.replace(/[\s\u00a0\u202f€]/g, ''))
	.refine((text) => text === '' || EUROS.test(text), { error: () => m.review_amount_invalid() })
	.transform((text) => (text === '' ? null : Math.round(Number(text.replace(',', '.')) * 100)));

export const changesSchema = z.object({
	message: longText({ max: 4000, required: () => m.review_message_required() })
});

export const rejectSchema = z.object({
	letter: longText({ max: 8000, required: () => m.review_letter_required() })
});

export const acceptSchema = rejectSchema.extend({ amount: euroAmount });

const personId = z.uuid({ error: () => m.review_reviewer_required() });

export const assignSchema = z.object({ reviewerId: personId });

export const conflictSchema = z.object({
	note: lineText({ max: 500, required: () => m.review_conflict_note_required() })
});

export const noteSchema = z.object({
	text: longText({ max: 4000, required: () => m.review_note_required() })
});

export const milestoneSchema = z.object({
	title: lineText({ max: 200, required: () => m.review_milestone_title_required() }).refine(
		(title) => title.length >= 2,
		{ error: () => m.review_milestone_title_required() }
	),
	dueOn: z
		.string()
		.default('')
		.refine((text) => text === '' || (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))), {
			error: () => m.review_milestone_due_invalid()
		})
		.transform((text) => text || null)
});

export const milestoneDoneSchema = z.object({
	milestoneId: z.uuid({ error: () => m.review_milestone_not_found() })
});

const score = z.coerce
	.number({ error: () => m.review_score_invalid() })
	.int({ error: () => m.review_score_invalid() })
	.min(0, { error: () => m.review_score_invalid() })
	.max(5, { error: () => m.review_score_invalid() });

/** A reviewer's scores: `score.<criterion id>` 0–5 for every criterion, `comment.<criterion id>` optional. */
export function scoresSchema(criterionIds: string[]) {
	return z.object(
		Object.fromEntries(
			criterionIds.flatMap((id) => [
				[`score.${id}`, z.preprocess((value) => (value === '' ? undefined : value), score)],
				[`comment.${id}`, longText({ max: 1000 })]
			])
		)
	);
}
