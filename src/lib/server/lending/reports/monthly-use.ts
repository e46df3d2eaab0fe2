import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { zonedInstant, zonedParts } from '../../../time/zoned';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { parseInput } from '../../forms';
import { monthlyUseCsv } from './csv';
import type { LocalizedText } from '../../../i18n/localized-text';

export const reportQuerySchema = z.object({
	month: z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: () => m.reports_bad_month() })
		.optional()
		.or(z.literal('').transform(() => undefined))
});

/** One model at one site over a month: what its loans amounted to. */
export type UseRow = {
	site: string;
	siteName: string;
	model: string;
	modelName: LocalizedText;
	/** Bookings handed out that month that took a unit of this model. */
	loans: number;
	/** Hours units of the model spent out, from hand-out to return (or to now while still out). */
	hours: number;
	/** How long a loan lasted, on average, from hand-out to return. */
	averageHoursOut: number | null;
	loanHours: number;
	lateReturns: number;
	noShows: number;
};

export type MonthlyUse = {
	month: string;
	rows: UseRow[];
	totals: {
		loans: number;
		hours: number;
		averageHoursOut: number | null;
		lateReturns: number;
		noShows: number;
	};
};

const nextMonth = (month: string) => {
	const [year = 0, number = 1] = month.split('-').map(Number);
	return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
};

/**
 * Loans, hours of use, late returns and no-shows per model and site over a month of the city's
 * calendar. A loan belongs to the month it was handed out in; a no-show to the month it was due.
 */
export async function computeMonthlyUse(
	db: Database,
	month: string,
	context: { now: () => Date; timeZone: string }
): Promise<MonthlyUse> {
	const from = zonedInstant(`${month}-01`, '00:00', context.timeZone).toISOString();
	const to = zonedInstant(`${nextMonth(month)}-01`, '00:00', context.timeZone).toISOString();
	const now = context.now().toISOString();
	// One line per loan and model: a kit counts once for each model it holds.
	const result = await db.execute(sql`
		with loan as (
			select b.id, b.site_id, u.model_id, count(*)::int as units, b.status, b.checked_out_at,
				extract(epoch from (coalesce(b.returned_at, ${now}::timestamptz) - b.checked_out_at)) / 3600 as hours_out,
				b.checked_out_at is not null and coalesce(b.returned_at, ${now}::timestamptz) > b.ends_at as late
			from booking b
			join booking_unit bu on bu.booking_id = b.id
			join equipment_unit u on u.id = bu.unit_id
			where (b.checked_out_at >= ${from}::timestamptz and b.checked_out_at < ${to}::timestamptz)
				or (b.status = 'no_show' and b.starts_at >= ${from}::timestamptz and b.starts_at < ${to}::timestamptz)
			group by b.id, u.model_id
		)
		select s.slug as site, s.name as site_name, em.slug as model, em.name as model_name,
			count(*) filter (where l.checked_out_at is not null)::int as loans,
			coalesce(sum(l.units * l.hours_out) filter (where l.checked_out_at is not null), 0)::float8 as hours,
			coalesce(sum(l.hours_out) filter (where l.checked_out_at is not null), 0)::float8 as loan_hours,
			count(*) filter (where l.late)::int as late_returns,
			count(*) filter (where l.status = 'no_show')::int as no_shows
		from loan l
		join equipment_model em on em.id = l.model_id
		join site s on s.id = l.site_id
		group by s.slug, s.name, em.slug, em.name
		order by s.name, em.slug`);
	const rows = rowsOf<{
		site: string;
		site_name: string;
		model: string;
		model_name: LocalizedText;
		loans: number;
		hours: number;
		loan_hours: number;
		late_returns: number;
		no_shows: number;
	}>(result).map((row): UseRow => ({
		site: row.site,
		siteName: row.site_name,
		model: row.model,
		modelName: row.model_name,
		loans: Number(row.loans),
		hours: Math.round(Number(row.hours) * 10) / 10,
		averageHoursOut: row.loans > 0 ? Math.round((Number(row.loan_hours) / row.loans) * 10) / 10 : null,
		loanHours: Number(row.loan_hours),
		lateReturns: Number(row.late_returns),
		noShows: Number(row.no_shows)
	}));
	const sum = (pick: (row: UseRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
	const loans = sum((row) => row.loans);
	const hours = Math.round(sum((row) => row.hours) * 10) / 10;
	const loanHours = sum((row) => row.loanHours);
	return {
		month,
		rows,
		totals: {
			loans,
			hours,
			averageHoursOut: loans === 0 ? null : Math.round((loanHours / loans) * 10) / 10,
			lateReturns: sum((row) => row.lateReturns),
			noShows: sum((row) => row.noShows)
		}
	};
}

/** The month asked for, or the current one on the city's clock. */
export function monthOf(input: unknown, context: { now: () => Date; timeZone: string }): string {
	const { month } = parseInput(reportQuerySchema, input);
	return month ?? zonedParts(context.now(), context.timeZone).date.slice(0, 7);
}

/** The lending report for staff: every figure, every model and site. */
export async function lendingReport(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: { now: () => Date; timeZone: string }
) {
	authorize(actor, 'reports.read');
	return computeMonthlyUse(db, monthOf(input, context), context);
}

/** The staff report as CSV, model names in the reader's language. */
export async function lendingReportCsv(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: { now: () => Date; timeZone: string; locale: 'fr' | 'en' }
) {
	authorize(actor, 'reports.read');
	const report = await computeMonthlyUse(db, monthOf(input, context), context);
	return { month: report.month, csv: monthlyUseCsv(report, context.locale) };
}
