import { redirect, type Handle } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { isStaff } from '$lib/server/auth/permissions';

const inStaffArea = (path: string) => path === '/admin' || path.startsWith('/admin/');

/**
 * The first fence around /admin: visitors are sent to sign in, and nobody without a staff role
 * gets an action or endpoint run there. Pages answer 403 from their layout; each use case
 * still checks its own permission.
 */
export const staffArea: Handle = async ({ event, resolve }) => {
	if (!inStaffArea(event.url.pathname)) return resolve(event);
	const reading = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (!event.locals.actor) {
		if (!reading) return new Response(m.error_sign_in_required(), { status: 401 });
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	if (!reading && !isStaff(event.locals.actor)) return new Response(m.error_staff_only(), { status: 403 });
	return resolve(event);
};
