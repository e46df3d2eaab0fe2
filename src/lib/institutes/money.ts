import { getLocale, type Locale } from '$lib/paraglide/runtime';

const localeTags = { fr: 'fr-FR', en: 'en-GB' } as const;

/**
 * Integer euro cents as people read them: "1 000 €" / "€1,000", cents only when there are some.
 * The one money format of the institutes, on pages, in mails and in refusals.
 */
export function formatCents(cents: number | string, locale: Locale = getLocale()): string {
	const amount = Number(cents);
	return new Intl.NumberFormat(localeTags[locale], {
		style: 'currency',
		currency: 'EUR',
		minimumFractionDigits: amount % 100 === 0 ? 0 : 2
	}).format(amount / 100);
}
