import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const UNIT_STATUSES = ['in_service', 'out_of_service', 'retired'] as const;

const optionalText = (max: number, tooLong: () => string) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong })
		.optional()
		.transform((value) => value || null);

export const assetTagField = z
	.string({ error: () => m.unit_tag_invalid() })
	.trim()
	.toUpperCase()
	.regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { error: () => m.unit_tag_invalid() });

const unitFields = {
	site: z
		.string({ error: () => m.unit_site_required() })
		.trim()
		.min(1, { error: () => m.unit_site_required() }),
	serialNumber: optionalText(100, () => m.unit_serial_too_long()),
	notes: optionalText(2000, () => m.unit_notes_too_long())
};

export const newUnitSchema = z.object({
	model: z
		.string({ error: () => m.unit_model_required() })
		.trim()
		.min(1, { error: () => m.unit_model_required() }),
	assetTag: assetTagField,
	...unitFields
});

export const unitChangeSchema = z.object({
	id: z.uuid({ error: () => m.unit_not_found() }),
	status: z.enum(UNIT_STATUSES, { error: () => m.unit_status_invalid() }),
	...unitFields
});

export const unitFilterSchema = z.object({
	site: z.string().trim().max(100).optional(),
	model: z.string().trim().max(100).optional(),
	status: z.enum(UNIT_STATUSES).optional().catch(undefined),
	q: z.string().trim().max(60).optional()
});
