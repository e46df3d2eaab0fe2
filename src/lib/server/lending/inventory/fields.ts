import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { LocalizedText } from '../../../i18n/localized-text';
import { InvalidInput } from '../../errors';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../db/errors';
import { equipmentModel, kit } from '../equipment.table';

/** The short address of a new model, kit or category: lowercase words joined by dashes, never "new". */
export const newSlugField = z
	.string({ error: () => m.model_slug_invalid() })
	.trim()
	.toLowerCase()
	.max(60, { error: () => m.model_slug_invalid() })
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => m.model_slug_invalid() })
	.refine((slug) => slug !== 'new', { error: () => m.model_slug_invalid() });

/** French text that must be there. */
export const frenchText = (max: number, missing: () => string) =>
	z
		.string({ error: missing })
		.trim()
		.min(1, { error: missing })
		.max(max, { error: () => m.model_text_too_long({ max }) });

/** Text that may be left empty (the English version, most often). */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.model_text_too_long({ max }) })
		.nullish()
		.transform((value) => value ?? '');

/** Content in French, and in English when it was given. */
export const localizedOf = (fr: string, en: string): LocalizedText => (en ? { fr, en } : { fr });

const slugTaken = () => new InvalidInput([{ path: 'slug', message: m.model_slug_taken() }]);

/**
 * Models and kits share the catalogue's addresses (/equipment/<slug>): a new one may take neither
 * a model's nor a kit's, or one of them could never be reached.
 */
export async function assertBookableSlugFree(db: Database, slug: string): Promise<void> {
	const [model] = await db
		.select({ id: equipmentModel.id })
		.from(equipmentModel)
		.where(eq(equipmentModel.slug, slug));
	const [bundle] = await db.select({ id: kit.id }).from(kit).where(eq(kit.slug, slug));
	if (model || bundle) throw slugTaken();
}

/** Runs an insert; a short address already in use is the person's mistake, said next to the field. */
export async function withFreeSlug<T>(insert: () => Promise<T>): Promise<T> {
	try {
		return await insert();
	} catch (problem) {
		if (sqlStateOf(problem) === UNIQUE_VIOLATION) throw slugTaken();
		throw problem;
	}
}
