import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { deleteAccount } from '$lib/server/accounts/delete-account';
import { getProfile, updateProfile } from '$lib/server/accounts/profile';
import { app } from '$lib/server/app';
import { formFields } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	try {
		return { profile: await getProfile(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	profile: async ({ request, locals, cookies }) => {
		const fields = formFields(await request.formData());
		try {
			await updateProfile(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		// The page language follows the account at once, cookie included for when they sign out.
		cookies.set(cookieName, fields.locale ?? 'fr', {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
		return { saved: true };
	},
	delete: async ({ request, locals, cookies }) => {
		const fields = formFields(await request.formData());
		try {
			await deleteAccount(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, { confirmEmail: fields.confirmEmail ?? '' });
		}
		for (const { name } of cookies.getAll()) {
			if (name.includes('commons.')) {
				cookies.delete(name, { path: '/', secure: name.startsWith('__Secure-') });
			}
		}
		redirect(303, '/login?deleted=1');
	}
};
