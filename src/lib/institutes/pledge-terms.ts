import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/i18n/format';
import { formatCents } from './money';

type Terms = {
	kind: 'revenue_share' | 'yearly_amount';
	shareBasisPoints: number | null;
	yearlyCents: number | null;
	startsOn: string;
	endsOn: string | null;
};

/** "2,5 % du chiffre d’affaires" / "5 000 € par an", in the page's language. */
export function pledgeTerms(pledge: Terms): string {
	if (pledge.kind === 'revenue_share') {
		const percent = new Intl.NumberFormat(getLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
			maximumFractionDigits: 2
		}).format((pledge.shareBasisPoints ?? 0) / 100);
		return m.pledge_terms_share({ percent });
	}
	return m.pledge_terms_yearly({ amount: formatCents(pledge.yearlyCents ?? 0) });
}

/** "Depuis le 1 janv. 2026" / "From 1 Jan 2026 to 31 Dec 2027": calendar days, no time zone. */
export function pledgePeriod(pledge: Terms): string {
	const day = (date: string) => formatDate(`${date}T12:00:00Z`, 'UTC');
	return pledge.endsOn
		? m.pledge_between({ start: day(pledge.startsOn), end: day(pledge.endsOn) })
		: m.pledge_since({ start: day(pledge.startsOn) });
}
