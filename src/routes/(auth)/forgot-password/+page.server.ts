import { requestPasswordReset } from '$lib/server/auth/flows';
import { readForm } from '$lib/server/forms';
import { formFailure } from '$lib/server/http';
import { authDeps, callerOf } from '$lib/server/request';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const fields = await readForm(event.request);
		try {
			await requestPasswordReset(authDeps(), callerOf(event), fields);
		} catch (problem) {
			return formFailure(problem, { email: fields.email ?? '' });
		}
		return { sent: true };
	}
};
