import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { frenchText, newSlugField, optionalText } from './fields';

const whole = (min: number, max: number, message: () => string) =>
	z.coerce
		.number({ error: message })
		.int({ error: message })
		.min(min, { error: message })
		.max(max, { error: message });

/** The fields of a model's form; French is required, English falls back to it when empty. */
export const modelFieldsSchema = z.object({
	nameFr: frenchText(120, () => m.model_name_required()),
	nameEn: optionalText(120),
	descriptionFr: frenchText(2000, () => m.model_description_required()),
	descriptionEn: optionalText(2000),
	inTheBoxFr: optionalText(1000),
	inTheBoxEn: optionalText(1000),
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
	slug: newSlugField
});

export const photoSchema = z.object({
	altFr: frenchText(300, () => m.model_photo_alt_required()),
	altEn: optionalText(300),
	photo: z
		.instanceof(Uint8Array, { error: () => m.model_photo_required() })
		.refine((bytes) => bytes.length > 0, {
			error: () => m.model_photo_required()
		})
});

export type ModelFields = z.output<typeof modelFieldsSchema>;
