import type { Locale } from '$lib/paraglide/runtime';

/** Content written by people (not UI strings), one entry per language; French is always present. */
export type LocalizedText = { fr: string } & Partial<Record<Locale, string>>;

export function pickLocalized(text: LocalizedText, locale: Locale): string {
	return text[locale] || text.fr;
}
