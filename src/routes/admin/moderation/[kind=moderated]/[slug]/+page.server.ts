import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { publishProject, publishTrail, requestChanges, unpublish } from '$lib/server/trails/moderation';
import { getProjectReview, getTrailReview } from '$lib/server/trails/moderation-queue';
import type { Actions, PageServerLoad } from './$types';

const kindOf = (param: 'trails' | 'projects') => (param === 'trails' ? 'trail' : 'project');

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = app();
	try {
		return params.kind === 'trails'
			? await getTrailReview(db, locals.actor, params.slug)
			: await getProjectReview(db, locals.actor, params.slug);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	publish: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		const publish = params.kind === 'trails' ? publishTrail : publishProject;
		try {
			await publish(app().db, app().trails(), locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'publish' });
		}
		return { done: 'published' as const };
	},
	changes: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await requestChanges(app().db, app().trails(), locals.actor, kindOf(params.kind), params.slug, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'changes' });
		}
		return { done: 'changes_requested' as const };
	},
	unpublish: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await unpublish(app().db, app().trails(), locals.actor, kindOf(params.kind), params.slug, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'unpublish' });
		}
		return { done: 'unpublished' as const };
	}
};
