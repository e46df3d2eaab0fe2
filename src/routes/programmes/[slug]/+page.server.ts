import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { getProgrammePage } from '$lib/server/institutes/programmes/public-programmes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db, settings } = app();
	try {
		return {
			...(await getProgrammePage(db, locals.actor, params.slug, app().institutes().now())),
			signedIn: locals.actor !== null,
			timeZone: settings.timeZone
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
