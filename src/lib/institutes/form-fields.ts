import { z } from 'zod';

/** What staff can put in an application form. */
export const fieldKinds = [
	'short_text',
	'long_text',
	'number',
	'amount',
	'date',
	'choice',
	'checkboxes',
	'file',
	'link'
] as const;
export type FieldKind = (typeof fieldKinds)[number];

const localized = z.object({
	fr: z.string().trim().min(1).max(500),
	en: z.string().trim().max(500).default('')
});
const optionalLocalized = z.object({
	fr: z.string().trim().max(1000).default(''),
	en: z.string().trim().max(1000).default('')
});

export const formOption = z.object({
	value: z
		.string()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
		.max(60),
	label: localized
});

/**
 * One question of a form. `key` names the answer in the application; `publishable` marks what the
 * applicant may agree to show in the public register once accepted.
 */
export const formField = z
	.object({
		key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
		kind: z.enum(fieldKinds),
		label: localized,
		help: optionalLocalized.default({ fr: '', en: '' }),
		required: z.boolean().default(false),
		publishable: z.boolean().default(false),
		options: z.array(formOption).max(30).default([])
	})
	.refine((field) => !['choice', 'checkboxes'].includes(field.kind) || field.options.length >= 2, {
		message: 'choice and checkboxes need at least two options',
		path: ['options']
	});
export type FormField = z.infer<typeof formField>;

export const formFields = z
	.array(formField)
	.min(1)
	.max(60)
	.refine((fields) => new Set(fields.map((field) => field.key)).size === fields.length, {
		message: 'each question needs its own key'
	});

/**
 * An answer as kept in the draft: text for text, number, amount (in cents, as digits), date
 * (YYYY-MM-DD), choice and link; a list for checkboxes; attachment ids for files.
 */
export type Answer = string | string[];
export type Answers = Record<string, Answer>;
