import { redirect } from '@sveltejs/kit';
import { getLocale, isLocale } from '$lib/paraglide/runtime';
import { deleteAccount } from '$lib/server/accounts/delete-account';
import { changePassword, signOutOtherDevices } from '$lib/server/accounts/password';
import { getProfile, updateProfile } from '$lib/server/accounts/profile';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { rememberLanguage } from '$lib/server/i18n/language-cookie';
import { listMyCompletions } from '$lib/server/learning/modules';
import { authDeps, callerOf } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	try {
		const [profile, completions] = await Promise.all([
			getProfile(app().db, locals.actor),
			listMyCompletions(app().db, locals.actor, getLocale())
		]);
		return { profile, completions };
	} catch (problem) {
		pageFailure(problem);
	}
};

// Each answer names its form ("form"), so the page shows it next to the right one.
export const actions: Actions = {
	profile: async ({ request, locals, cookies }) => {
		const fields = await readForm(request);
		try {
			await updateProfile(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'profile' });
		}
		// The page language follows the account at once, on this device too.
		if (isLocale(fields.locale)) rememberLanguage(cookies, fields.locale);
		return { done: 'profile' };
	},
	password: async (event) => {
		const fields = await readForm(event.request);
		try {
			await changePassword(authDeps(), callerOf(event), event.locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, { form: 'password' });
		}
		return { done: 'password' };
	},
	signOutOthers: async (event) => {
		try {
			await signOutOtherDevices(authDeps(), callerOf(event), event.locals.actor);
		} catch (problem) {
			return formFailure(problem, { form: 'sessions' });
		}
		return { done: 'sessions' };
	},
	delete: async ({ request, locals, cookies }) => {
		const fields = await readForm(request);
		try {
			await deleteAccount(
				app().db,
				locals.actor,
				fields,
				app().institutes().attachments.storage,
				app().institutes().now()
			);
		} catch (problem) {
			return formFailure(problem, { confirmEmail: fields.confirmEmail ?? '', form: 'delete' });
		}
		for (const { name } of cookies.getAll()) {
			if (name.includes('commons.')) {
				cookies.delete(name, { path: '/', secure: name.startsWith('__Secure-') });
			}
		}
		redirect(303, '/login?deleted=1');
	}
};
