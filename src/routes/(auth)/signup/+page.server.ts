import { redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { signUp } from '$lib/server/auth/flows';
import { readForm } from '$lib/server/forms';
import { formFailure, safeReturnPath } from '$lib/server/http';
import { authDeps, callerOf } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const returnTo = safeReturnPath(url.searchParams.get('redirectTo'), '/account');
	if (locals.person) redirect(303, returnTo);
	return { returnTo };
};

export const actions: Actions = {
	default: async (event) => {
		const fields = await readForm(event.request);
		try {
			await signUp(authDeps(), callerOf(event), fields, getLocale());
		} catch (problem) {
			return formFailure(problem, { name: fields.name ?? '', email: fields.email ?? '' });
		}
		redirect(303, safeReturnPath(fields.returnTo, '/account'));
	}
};
