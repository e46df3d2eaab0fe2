import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { attributionOf, getPublishedTrail, loansOfProject } from '$lib/server/trails/public-trails';
import { licenceOf } from '$lib/trails/licences';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { db, settings } = app();
	try {
		const found = await getPublishedTrail(db, params.slug);
		return {
			...found,
			licence: licenceOf(found.project.licence),
			attribution: attributionOf(found),
			loans: await loansOfProject(db, found.project.slug),
			origin: settings.origin,
			map: settings.map
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
