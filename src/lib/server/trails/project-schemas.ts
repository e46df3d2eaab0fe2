import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { lineText, longText } from '../text-fields';
import { licenceIds } from '../../trails/licences';
import { themes } from '../../trails/themes';

const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const projectSchema = z.object({
	title: lineText({ max: 160, required: () => m.project_title_required() }).refine(
		(title) => title.length >= 2,
		{
			error: () => m.project_title_required()
		}
	),
	summary: longText({ max: 500 }),
	description: longText({ max: 20_000 }),
	credits: longText({ max: 2000 }),
	licence: z.enum(licenceIds, { error: () => m.licence_invalid() }).default('cc-by-4.0'),
	themes: z.preprocess(asList, z.array(z.enum(themes, { error: () => m.theme_invalid() })).max(themes.length))
});

export type ProjectInput = z.output<typeof projectSchema>;
