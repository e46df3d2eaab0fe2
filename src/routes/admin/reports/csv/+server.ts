import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { monthlyUseCsv } from '$lib/server/lending/reports/csv';
import { lendingReport } from '$lib/server/lending/reports/monthly-use';
import { lendingContext } from '$lib/server/request';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	try {
		const report = await lendingReport(
			app().db,
			locals.actor,
			Object.fromEntries(url.searchParams),
			lendingContext()
		);
		return new Response(monthlyUseCsv(report, getLocale()), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="lending-${report.month}.csv"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (problem) {
		pageFailure(problem);
	}
};
