import { app } from '$lib/server/app';
import { listInstitutes } from '$lib/server/institutes/programmes/public-programmes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db, settings } = app();
	return {
		institutes: await listInstitutes(db, app().institutes().now()),
		timeZone: settings.timeZone
	};
};
