import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { monthlyUseCsv } from '$lib/server/lending/reports/csv';
import { openLendingUse } from '$lib/server/lending/reports/open-data';
import { lendingContext } from '$lib/server/request';
import type { RequestHandler } from './$types';

/** Open data: each month's lending figures, anonymised, in English column names and model names. */
export const GET: RequestHandler = async ({ url }) => {
	try {
		const report = await openLendingUse(app().db, Object.fromEntries(url.searchParams), lendingContext());
		return new Response(monthlyUseCsv(report, 'en', true), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `inline; filename="brest-lending-${report.month}.csv"`,
				'cache-control': 'public, max-age=3600',
				'access-control-allow-origin': '*'
			}
		});
	} catch (problem) {
		pageFailure(problem);
	}
};
