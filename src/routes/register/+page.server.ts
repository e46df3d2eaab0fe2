import { app } from '$lib/server/app';
import { registerPage } from '$lib/server/institutes/register/read-register';
import type { PageServerLoad } from './$types';

/** Public: no sign-in. */
export const load: PageServerLoad = async ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return registerPage(app().db);
};
