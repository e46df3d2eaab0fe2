import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Everything under /my is the signed-in person's own; visitors are sent to sign in first.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	return {};
};
