import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { listModulesToRecord, recordInPersonTraining } from '$lib/server/learning/record-in-person';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { modules: await listModulesToRecord(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	record: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			return { recorded: await recordInPersonTraining(app().db, locals.actor, fields) };
		} catch (problem) {
			return formFailure(problem, fields);
		}
	}
};
