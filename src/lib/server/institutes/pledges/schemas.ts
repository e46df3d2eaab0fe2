import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { eurosToCents } from '../../../institutes/draft-values';
import { isSlugText } from '../../db/slugs';
import { lineText, longText } from '../../text-fields';

const slug = (message: () => string) =>
	z.string({ error: message }).trim().refine(isSlugText, { error: message });

const day = z.iso.date({ error: () => m.pledge_date_invalid() });

/** Euros as typed ("1 250,50") → whole cents above zero, or the given message. */
const euros = (message: () => string) =>
	z
		.string({ error: message })
		.transform((typed) => eurosToCents(typed))
		.refine((cents) => cents !== null && Number(cents) > 0 && Number.isSafeInteger(Number(cents)), {
			error: message
		})
		.transform(Number);

/** "2,5" → 250 hundredths of a percent. */
const percent = z
	.string({ error: () => m.pledge_share_invalid() })
	.transform((typed) => typed.replace(/[\s%]/g, '').replace(',', '.'))
	.refine((text) => /^\d{1,3}(\.\d{1,2})?$/.test(text), { error: () => m.pledge_share_invalid() })
	.transform((text) => Math.round(Number(text) * 100))
	.refine((basisPoints) => basisPoints >= 1 && basisPoints <= 10_000, {
		error: () => m.pledge_share_invalid()
	});

const terms = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('revenue_share'), share: percent }),
		z.object({ kind: z.literal('yearly_amount'), yearlyAmount: euros(() => m.pledge_yearly_invalid()) })
	],
	{ error: () => m.pledge_kind_required() }
);

export const pledgeSchema = z
	.object({
		programme: slug(() => m.pledge_programme_required()),
		group: slug(() => m.pledge_group_required()),
		commons: longText({ max: 1000, required: () => m.pledge_commons_required() }).refine(
			(text) => text.length >= 2,
			{ error: () => m.pledge_commons_required() }
		),
		startsOn: day,
		endsOn: z
			.string()
			.trim()
			.default('')
			.transform((text) => text || null)
			.pipe(day.nullable())
	})
	.and(terms)
	.refine((pledge) => pledge.endsOn === null || pledge.endsOn >= pledge.startsOn, {
		error: () => m.pledge_end_before_start(),
		path: ['endsOn']
	});
export type PledgeInput = z.output<typeof pledgeSchema>;

export const contributionSchema = z.object({
	pledge: z.uuid({ error: () => m.pledge_not_found() }),
	amount: euros(() => m.pledge_amount_invalid()),
	receivedOn: day,
	memo: lineText({ max: 300, required: () => m.pledge_memo_required() })
});
