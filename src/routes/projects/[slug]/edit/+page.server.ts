import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { fileBytes, formFields, readForm, readFormData } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { projectFields, projectValues } from '$lib/server/trails/project-form';
import { setProjectCover } from '$lib/server/trails/project-cover';
import { linkLoan, loansForProject, unlinkLoan } from '$lib/server/trails/project-loans';
import { getProjectForEdit, updateProject } from '$lib/server/trails/projects';
import { submitProject } from '$lib/server/trails/submit';
import { createTrail } from '$lib/server/trails/trails';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	try {
		const found = await getProjectForEdit(app().db, locals.actor, params.slug);
		const loans = await loansForProject(app().db, locals.actor, params.slug);
		return { project: found.project, group: found.group, trails: found.trails, loans };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const fields = projectFields(await readFormData(request));
		try {
			await updateProject(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, { ...projectValues(fields), form: 'update' });
		}
		return { done: 'saved' as const };
	},
	trail: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		let slug: string;
		try {
			slug = await createTrail(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'trail' });
		}
		redirect(303, `/trails/${slug}/edit`);
	},
	cover: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const fields = formFields(data);
		try {
			await setProjectCover(app().db, app().trails(), locals.actor, params.slug, {
				file: await fileBytes(data, 'file'),
				fields
			});
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'cover' });
		}
		return { done: 'cover_saved' as const };
	},
	linkLoan: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await linkLoan(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'loans' });
		}
		return { done: 'loan_added' as const };
	},
	unlinkLoan: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await unlinkLoan(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'loans' });
		}
		return { done: 'loan_removed' as const };
	},
	submit: async ({ locals, params }) => {
		try {
			await submitProject(app().db, locals.actor, params.slug);
		} catch (problem) {
			return formFailure(problem);
		}
		return { done: 'submitted' as const };
	}
};
