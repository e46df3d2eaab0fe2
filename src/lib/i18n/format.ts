import { getLocale } from '$lib/paraglide/runtime';

const localeTags = { fr: 'fr-FR', en: 'en-GB' } as const;

/** Dates and times are shown on the city's clock (its configured time zone), whatever the device says. */
export function formatDateTime(value: Date | string, timeZone: string): string {
	return new Intl.DateTimeFormat(localeTags[getLocale()], {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(value));
}
