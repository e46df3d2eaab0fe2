import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { building } from '$app/environment';
import { getRequestEvent } from '$app/server';
import { startApp } from '$lib/server/app';
import { m } from '$lib/paraglide/messages';
import { log } from '$lib/server/log';
import { authEndpoints } from './hooks/auth-endpoints';
import { language } from './hooks/language';
import { requestLog } from './hooks/request-log';
import { securityHeaders } from './hooks/security-headers';
import { session } from './hooks/session';
import { staffArea } from './hooks/staff-area';

export const init: ServerInit = async () => {
	// Prerendering at build time (the offline page) needs no database.
	if (building) return;
	const app = await startApp(sveltekitCookies(getRequestEvent));
	// adapter-node announces a graceful stop (SIGTERM, SIGINT) once requests have drained.
	process.once('sveltekit:shutdown', () => {
		app
			.stop()
			.then(() => log.info('portal stopped'))
			.catch((error: unknown) => log.error({ err: error }, 'stopping the portal failed'));
	});
};

export const handle = sequence(requestLog, securityHeaders, session, language, authEndpoints, staffArea);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId;
	if (status >= 500) log.error({ err: error, requestId, path: event.url.pathname }, 'unexpected error');
	return { message: status >= 500 ? m.error_internal() : message, requestId };
};
