import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { lendingReportCsv } from '$lib/server/lending/reports/monthly-use';
import { lendingContext } from '$lib/server/request';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	try {
		const report = await lendingReportCsv(app().db, locals.actor, Object.fromEntries(url.searchParams), {
			...lendingContext(),
			locale: getLocale()
		});
		return new Response(report.csv, {
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
