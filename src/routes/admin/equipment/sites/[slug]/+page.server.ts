import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { addClosure, getSiteForEdit, removeClosure, updateSite } from '$lib/server/lending/inventory/sites';
import { lendingContext } from '$lib/server/request';
import { zonedParts } from '$lib/time/zoned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, settings } = app();
	const today = zonedParts(lendingContext().now(), settings.timeZone).date;
	try {
		return await getSiteForEdit(db, locals.actor, params.slug, today);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await updateSite(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'saved' as const };
	},
	addClosure: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			const added = await addClosure(app().db, locals.actor, params.slug, fields, app().settings.timeZone);
			return { done: 'closure_added' as const, affected: added.affected };
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'closure' });
		}
	},
	removeClosure: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await removeClosure(app().db, locals.actor, params.slug, fields.id ?? '');
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'closure_removed' as const };
	}
};
