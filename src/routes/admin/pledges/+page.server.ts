import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { recordContribution } from '$lib/server/institutes/pledges/record-contribution';
import { recordPledge } from '$lib/server/institutes/pledges/record-pledge';
import { pledgesForStaff } from '$lib/server/institutes/pledges/staff-pledges';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return await pledgesForStaff(app().db, locals.actor);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	pledge: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			await recordPledge(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'pledge' });
		}
		return { pledged: true };
	},
	contribute: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			const entry = await recordContribution(app().db, locals.actor, fields, app().institutes().now());
			return { contributed: entry.seq, pledge: fields.pledge };
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'contribute' });
		}
	}
};
