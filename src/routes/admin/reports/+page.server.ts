import { pageFailure } from '$lib/server/http';
import { app } from '$lib/server/app';
import { lendingReport } from '$lib/server/lending/reports/monthly-use';
import { lendingContext } from '$lib/server/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		return {
			report: await lendingReport(
				app().db,
				locals.actor,
				Object.fromEntries(url.searchParams),
				lendingContext()
			)
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
