import { queryOf } from '$lib/server/api';
import { app } from '$lib/server/app';
import { InvalidInput } from '$lib/server/errors';
import { fieldErrors } from '$lib/server/forms';
import { listCatalogue, listCategories, listSites } from '$lib/server/lending/catalogue';
import { parseCataloguePage } from '$lib/server/lending/catalogue-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, settings } = app();
	const query = queryOf(url);
	const [categories, sites] = await Promise.all([listCategories(db), listSites(db)]);
	try {
		const filters = parseCataloguePage(query, settings.timeZone);
		const entries = await listCatalogue(db, filters);
		return { query, categories, sites, entries, errors: {}, period: filters.from !== undefined };
	} catch (problem) {
		if (!(problem instanceof InvalidInput)) throw problem;
		// A bad date in the search form is shown next to it; the whole catalogue stays visible.
		return {
			query,
			categories,
			sites,
			entries: await listCatalogue(db, {}),
			errors: fieldErrors(problem.issues),
			period: false
		};
	}
};
