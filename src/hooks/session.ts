import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { app } from '$lib/server/app';
import { readSession } from '$lib/server/auth/session';
import { rememberAccountLocale } from '$lib/server/i18n/account-locale';

export const session: Handle = async ({ event, resolve }) => {
	const signedIn = building ? null : await readSession(app().db, app().auth, event.request.headers);
	event.locals.person = signedIn?.person ?? null;
	event.locals.actor = signedIn?.actor ?? null;
	event.locals.sessionId = signedIn?.sessionId ?? null;
	if (signedIn) rememberAccountLocale(event.request, signedIn.person.locale);
	return resolve(event);
};
