import { pickLocalized } from '../../../i18n/localized-text';
import type { MonthlyUse, UseRow } from './monthly-use';

/** Open data hides the figures of a model and site lent fewer times than this in the month. */
export const SMALL_COUNT = 3;

const cell = (value: string | number | null) => {
	const text = value === null ? '' : String(value);
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const line = (values: (string | number | null)[]) => values.map(cell).join(',');

const HEADER = [
	'month',
	'site',
	'site_name',
	'model',
	'model_name',
	'loans',
	'hours_of_use',
	'average_hours_out',
	'late_returns',
	'no_shows'
];

function figures(row: UseRow, hidden: boolean) {
	if (hidden) return [null, null, null, null, null];
	return [row.loans, row.hours, row.averageHoursOut, row.lateReturns, row.noShows];
}

/**
 * The month as CSV, one line per model and site. With `anonymised`, the figures of a line with
 * fewer than SMALL_COUNT loans (or no-shows) are left empty: a rare item lent once could point to
 * the one person who borrowed it.
 */
export function monthlyUseCsv(report: MonthlyUse, locale: 'fr' | 'en', anonymised = false): string {
	const rows = report.rows.map((row) => {
		const hidden = anonymised && row.loans + row.noShows < SMALL_COUNT;
		return line([
			report.month,
			row.site,
			row.siteName,
			row.model,
			pickLocalized(row.modelName, locale),
			...figures(row, hidden)
		]);
	});
	return [line(HEADER), ...rows].join('\r\n') + '\r\n';
}
