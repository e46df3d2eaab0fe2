import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { setLanguage } from '$lib/server/accounts/profile';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { safeReturnPath } from '$lib/server/http';
import { rememberLanguage } from '$lib/server/i18n/language-cookie';
import type { RequestHandler } from './$types';

/** The language switcher's target: remember the choice (on the account too) and go back. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const fields = await readForm(request);
	const returnTo = safeReturnPath(fields.returnTo);
	if (isLocale(fields.locale)) {
		rememberLanguage(cookies, fields.locale);
		if (locals.actor) await setLanguage(app().db, locals.actor, fields.locale);
	}
	redirect(303, returnTo);
};
