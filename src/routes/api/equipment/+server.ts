import { json } from '@sveltejs/kit';
import { pickLocalized } from '$lib/i18n/localized-text';
import { getLocale } from '$lib/paraglide/runtime';
import { apiFailure, queryOf } from '$lib/server/api';
import { app } from '$lib/server/app';
import { listCatalogue } from '$lib/server/lending/catalogue';
import { parseCatalogueQuery } from '$lib/server/lending/catalogue-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	try {
		const entries = await listCatalogue(app().db, parseCatalogueQuery(queryOf(url)));
		const locale = getLocale();
		return json(
			entries.map((entry) => ({
				slug: entry.slug,
				kind: entry.kind,
				name: pickLocalized(entry.name, locale),
				category: entry.category.slug,
				total: entry.total,
				available: entry.available,
				approvalRequired: entry.approvalRequired,
				trainingRequired: entry.trainingRequired,
				sites: entry.sites
			})),
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (problem) {
		return apiFailure(problem);
	}
};
