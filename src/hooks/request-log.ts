import type { Handle } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { log } from '$lib/server/log';

export const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = event.request.headers.get('x-request-id') ?? randomUUID();
	const response = await resolve(event);
	log.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};
