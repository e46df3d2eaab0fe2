import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { zonedInstant } from '$lib/time/zoned';
import { programmeKind } from '../institutes.table';
import { frenchText, optionalText } from '../../lending/inventory/fields';

/** "1 000,50" or "1000.5" euros as integer cents; empty means none. */
const euros = z
	.string()
	.nullish()
	.transform((text) => (text ?? '').replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.'))
	.refine((text) => text === '' || /^\d{1,9}(\.\d{1,2})?$/.test(text), {
		error: () => m.programme_amount_invalid()
	})
	.transform((text) => (text === '' ? null : Math.round(Number(text) * 100)));

/** A datetime-local value ("2027-03-01T09:30"), read on the city's clock. */
const cityMoment = (timeZone: string, required: boolean) =>
	z
		.string()
		.nullish()
		.transform((text) => (text ?? '').trim())
		.refine((text) => (text === '' ? !required : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)), {
			error: () => m.programme_date_invalid()
		})
		.transform((text) =>
			text === '' ? null : zonedInstant(text.slice(0, 10), text.slice(11, 16), timeZone)
		);

/** The fields of a programme's form; the city's time zone reads its dates. */
export function programmeFieldsSchema(timeZone: string) {
	return z
		.object({
			institute: z
				.string({ error: () => m.programme_institute_required() })
				.trim()
				.min(1, {
					error: () => m.programme_institute_required()
				}),
			kind: z.enum(programmeKind.enumValues, { error: () => m.programme_kind_required() }),
			titleFr: frenchText(200, () => m.programme_title_required()),
			titleEn: optionalText(200),
			summaryFr: frenchText(1000, () => m.programme_summary_required()),
			summaryEn: optionalText(1000),
			eligibilityFr: frenchText(4000, () => m.programme_eligibility_required()),
			eligibilityEn: optionalText(4000),
			opensAt: cityMoment(timeZone, true),
			closesAt: cityMoment(timeZone, false),
			budget: euros,
			maxAmount: euros,
			decisionDays: z
				.string()
				.nullish()
				.transform((text) => (text ?? '').trim())
				.refine((text) => text === '' || (/^\d{1,3}$/.test(text) && +text >= 1 && +text <= 365), {
					error: () => m.programme_decision_days_range()
				})
				.transform((text) => (text === '' ? null : Number(text)))
		})
		.superRefine((fields, context) => {
			if (fields.opensAt && fields.closesAt && fields.closesAt <= fields.opensAt)
				context.addIssue({
					code: 'custom',
					path: ['closesAt'],
					message: m.programme_closes_before_opening()
				});
			if (fields.maxAmount !== null && fields.maxAmount <= 0)
				context.addIssue({ code: 'custom', path: ['maxAmount'], message: m.programme_amount_invalid() });
			if (fields.maxAmount !== null && fields.budget !== null && fields.maxAmount > fields.budget)
				context.addIssue({ code: 'custom', path: ['maxAmount'], message: m.programme_max_over_budget() });
		});
}

const slugField = z
	.string({ error: () => m.programme_slug_invalid() })
	.trim()
	.toLowerCase()
	.max(60, { error: () => m.programme_slug_invalid() })
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => m.programme_slug_invalid() })
	.refine((slug) => slug !== 'new', { error: () => m.programme_slug_invalid() });

export function newProgrammeSchema(timeZone: string) {
	return z.object({ slug: slugField }).and(programmeFieldsSchema(timeZone));
}

export type ProgrammeFields = z.output<ReturnType<typeof programmeFieldsSchema>>;
