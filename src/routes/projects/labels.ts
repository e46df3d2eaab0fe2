import { m } from '$lib/paraglide/messages';

// The same lists as the server's (trails/themes.ts, trails/licences.ts), which the browser cannot import.
export const themeList = [
	'heritage',
	'memory',
	'sound',
	'art',
	'nature',
	'maritime',
	'neighbourhood'
] as const;

const themeLabels: Record<string, () => string> = {
	heritage: m.theme_heritage,
	memory: m.theme_memory,
	sound: m.theme_sound,
	art: m.theme_art,
	nature: m.theme_nature,
	maritime: m.theme_maritime,
	neighbourhood: m.theme_neighbourhood
};

export const themeLabel = (theme: string) => themeLabels[theme]?.() ?? theme;

export const licenceOptions = [
	{ value: 'cc-by-4.0', label: 'CC BY 4.0' },
	{ value: 'cc-by-sa-4.0', label: 'CC BY-SA 4.0' },
	{ value: 'cc0-1.0', label: 'CC0 1.0' },
	{ value: 'cc-by-nc-sa-4.0', label: 'CC BY-NC-SA 4.0' }
];
