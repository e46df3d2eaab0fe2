import { json } from '@sveltejs/kit';
import { apiFailure, queryOf } from '$lib/server/api';
import { app } from '$lib/server/app';
import { equipmentAvailability } from '$lib/server/lending/detail';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	try {
		const availability = await equipmentAvailability(app().db, params.slug, queryOf(url));
		return json({
			...availability,
			sites: availability.sites.map((site) => ({
				...site,
				periods: site.periods.map((period) => ({ ...period, state: period.available > 0 ? 'free' : 'busy' }))
			}))
		});
	} catch (problem) {
		return apiFailure(problem);
	}
};
