import type { Handle } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { CLIENT_ADDRESS_HEADER } from '$lib/server/auth/better-auth';

/** better-auth answers under /api/auth/*; it learns the client's address from us, not from the client. */
export const authEndpoints: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/auth/')) return resolve(event);
	const headers = new Headers(event.request.headers);
	headers.set(CLIENT_ADDRESS_HEADER, event.getClientAddress());
	const request = new Request(event.request, { headers });
	return app().auth.handler(request);
};
