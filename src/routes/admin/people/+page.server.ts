import { grantRole, listPeople, revokeRole } from '$lib/server/auth/roles';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = url.searchParams.get('q') ?? '';
	const page = Number(url.searchParams.get('page') ?? '1') || 1;
	try {
		return { query, page, ...(await listPeople(app().db, locals.actor, { query, page })) };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	grant: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			await grantRole(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { changed: fields.userId };
	},
	revoke: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			await revokeRole(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { changed: fields.userId };
	}
};
