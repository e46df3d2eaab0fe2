import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { lineText, longText } from '../text-fields';
import { licenceIds } from '../../trails/licences';

const blankAsMissing = (value: unknown) => (value === '' ? undefined : value);

export const mediaSchema = z.object({
	title: lineText({ max: 160, required: () => m.media_title_required() }),
	author: lineText({ max: 160, required: () => m.media_author_required() }),
	licence: z.preprocess(blankAsMissing, z.enum(licenceIds, { error: () => m.licence_invalid() }).optional()),
	language: z
		.string()
		.trim()
		.toLowerCase()
		.default('fr')
		.refine((code) => /^[a-z]{2,3}$/.test(code), { error: () => m.media_language_invalid() }),
	transcript: longText({ max: 50_000 })
});
