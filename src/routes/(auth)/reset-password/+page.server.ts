import { redirect } from '@sveltejs/kit';
import { resetPassword } from '$lib/server/auth/flows';
import { readForm } from '$lib/server/forms';
import { formFailure } from '$lib/server/http';
import { authDeps, callerOf } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	token: url.searchParams.get('token') ?? '',
	linkInvalid: url.searchParams.has('error') || !url.searchParams.get('token')
});

export const actions: Actions = {
	default: async (event) => {
		const fields = await readForm(event.request);
		try {
			await resetPassword(authDeps(), callerOf(event), fields);
		} catch (problem) {
			return formFailure(problem);
		}
		redirect(303, '/login?reset=done');
	}
};
