import { isHttpError, isRedirect, type Handle } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { log } from '$lib/server/log';

// Reset links carry their token in the path; anyone reading the logs could use it within the hour.
const loggablePath = (path: string) => path.replace(/\/reset-password\/[^/]+/, '/reset-password/[token]');

export const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = event.request.headers.get('x-request-id') ?? randomUUID();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} catch (thrown) {
		// A redirect or HTTP error thrown by a hook is an answer too.
		if (isRedirect(thrown) || isHttpError(thrown)) status = thrown.status;
		throw thrown;
	} finally {
		log.info(
			{
				requestId: event.locals.requestId,
				method: event.request.method,
				path: loggablePath(event.url.pathname),
				status,
				ms: Math.round(performance.now() - started)
			},
			'request'
		);
	}
};
