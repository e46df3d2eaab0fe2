import { getLocale } from '$lib/paraglide/runtime';
import { apiFailure, queryOf } from '$lib/server/api';
import { app } from '$lib/server/app';
import { catalogueJson } from '$lib/server/lending/catalogue-api';
import { parseCatalogueQuery } from '$lib/server/lending/catalogue-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	try {
		const answer = await catalogueJson(app().db, parseCatalogueQuery(queryOf(url)), getLocale());
		return new Response(answer, {
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		});
	} catch (problem) {
		return apiFailure(problem);
	}
};
