import { redirect } from '@sveltejs/kit';
import { requestMagicLink, signInWithPassword } from '$lib/server/auth/flows';
import { readForm } from '$lib/server/forms';
import { formFailure, safeReturnPath } from '$lib/server/http';
import { authDeps, callerOf } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const returnTo = safeReturnPath(url.searchParams.get('redirectTo'), '/account');
	if (locals.person) redirect(303, returnTo);
	return {
		returnTo,
		linkExpired: url.searchParams.has('link') || url.searchParams.has('error'),
		passwordChanged: url.searchParams.get('reset') === 'done',
		accountDeleted: url.searchParams.get('deleted') === '1'
	};
};

export const actions: Actions = {
	password: async (event) => {
		const fields = await readForm(event.request);
		try {
			await signInWithPassword(authDeps(), callerOf(event), fields);
		} catch (problem) {
			return formFailure(problem, { email: fields.email ?? '' });
		}
		redirect(303, safeReturnPath(fields.returnTo, '/account'));
	},
	link: async (event) => {
		const fields = await readForm(event.request);
		try {
			await requestMagicLink(
				authDeps(),
				callerOf(event),
				fields,
				safeReturnPath(fields.returnTo, '/account')
			);
		} catch (problem) {
			return formFailure(problem, { linkEmail: fields.email ?? '' });
		}
		return { linkSent: true };
	}
};
