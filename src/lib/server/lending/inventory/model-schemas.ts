import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

const text = (max: number, tooLong: () => string) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong })
		.optional()
		.transform((value) => value ?? '');

const frenchRequired = (max: number, missing: () => string, tooLong: () => string) =>
	z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong });

const whole = (min: number, max: number, message: () => string) =>
	z.coerce
		.number({ error: message })
		.int({ error: message })
		.min(min, { error: message })
		.max(max, { error: message });

/** The fields of a model's form; French is required, English falls back to it when empty. */
export const modelFieldsSchema = z.object({
	nameFr: frenchRequired(
		120,
		() => m.model_name_required(),
		() => m.model_text_too_long({ max: 120 })
	),
	nameEn: text(120, () => m.model_text_too_long({ max: 120 })),
	descriptionFr: frenchRequired(
		2000,
		() => m.model_description_required(),
		() => m.model_text_too_long({ max: 2000 })
	),
	descriptionEn: text(2000, () => m.model_text_too_long({ max: 2000 })),
	inTheBoxFr: text(1000, () => m.model_text_too_long({ max: 1000 })),
	inTheBoxEn: text(1000, () => m.model_text_too_long({ max: 1000 })),
	category: z
		.string({ error: () => m.model_category_required() })
		.trim()
		.min(1, { error: () => m.model_category_required() }),
	maxLoanDays: whole(1, 90, () => m.model_loan_days_range()),
	maxAdvanceDays: whole(0, 365, () => m.model_advance_days_range()),
	bufferMinutes: whole(0, 2880, () => m.model_buffer_range()),
	// A checkbox posts "on" when ticked and nothing otherwise.
	approvalRequired: z
		.union([z.boolean(), z.string()])
		.optional()
		.transform((value) => value === true || value === 'on' || value === 'true'),
	requiredModule: z
		.string()
		.trim()
		.nullish()
		.transform((value) => value || null)
});

export const newModelSchema = modelFieldsSchema.extend({
	slug: z
		.string({ error: () => m.model_slug_invalid() })
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => m.model_slug_invalid() })
		.max(60, { error: () => m.model_slug_invalid() })
		.refine((slug) => slug !== 'new', { error: () => m.model_slug_invalid() })
});

export const photoSchema = z.object({
	altFr: frenchRequired(
		300,
		() => m.model_photo_alt_required(),
		() => m.model_text_too_long({ max: 300 })
	),
	altEn: text(300, () => m.model_text_too_long({ max: 300 })),
	photo: z
		.instanceof(Uint8Array, { error: () => m.model_photo_required() })
		.refine((bytes) => bytes.length > 0, {
			error: () => m.model_photo_required()
		})
});

export type ModelFields = z.output<typeof modelFieldsSchema>;
