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

/** A calendar date ("2026-11-26") as people read it: "jeu. 26 nov." / "Thu 26 Nov". */
export function formatDay(date: string, style: 'short' | 'long' = 'short'): string {
	return new Intl.DateTimeFormat(localeTags[getLocale()], {
		weekday: style,
		day: 'numeric',
		month: style,
		timeZone: 'UTC'
	}).format(new Date(`${date}T12:00:00Z`));
}

/** A period on the city's clock, shortened when it stays within one day. */
export function formatPeriod(start: Date | string, end: Date | string, timeZone: string): string {
	const format = new Intl.DateTimeFormat(localeTags[getLocale()], {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone
	});
	return format.formatRange(new Date(start), new Date(end));
}

/** A day on the city's clock, e.g. "21 nov. 2026" or "21 Nov 2026". */
export function formatDate(value: Date | string, timeZone: string): string {
	return new Intl.DateTimeFormat(localeTags[getLocale()], { dateStyle: 'medium', timeZone }).format(
		new Date(value)
	);
}

/** A walking distance: "850 m" below a kilometre, "1,5 km" / "1.5 km" above. */
export function formatDistance(metres: number): string {
	const locale = localeTags[getLocale()];
	if (metres < 1000) {
		return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }).format(
			Math.round(metres / 10) * 10
		);
	}
	return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }).format(
		metres / 1000
	);
}
