import { getLocale } from '$lib/paraglide/runtime';

const localeTags = { fr: 'fr-FR', en: 'en-GB' } as const;

/** A 0–5 average with one decimal. */
export function formatAverage(average: number): string {
	return new Intl.NumberFormat(localeTags[getLocale()], { maximumFractionDigits: 1 }).format(average);
}
