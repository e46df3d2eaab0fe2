import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { setLanguage } from '$lib/server/accounts/profile';
import { app } from '$lib/server/app';
import { formFields } from '$lib/server/forms';
import { safeReturnPath } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The language switcher's target: remember the choice (on the account too) and go back. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const fields = formFields(await request.formData().catch(() => new FormData()));
	const returnTo = safeReturnPath(fields.returnTo);
	if (isLocale(fields.locale)) {
		cookies.set(cookieName, fields.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
		if (locals.actor) await setLanguage(app().db, locals.actor, fields.locale);
	}
	redirect(303, returnTo);
};
