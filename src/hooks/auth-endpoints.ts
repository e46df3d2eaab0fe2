import type { Handle } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { withClientAddress } from '$lib/server/auth/client-address';

/** better-auth answers under /api/auth/*; it learns the client's address from us, not from the client. */
export const authEndpoints: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/auth/')) return resolve(event);
	const headers = withClientAddress(event.request.headers, event.getClientAddress());
	return app().auth.handler(new Request(event.request, { headers }));
};
