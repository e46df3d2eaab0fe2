import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readFormData } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { criteriaFromForm, rubricInputOf } from '$lib/institutes/builder/rubric-drafts';
import { listEditOf } from '$lib/institutes/builder/list-edits';
import { editRubricDraft, getRubric, saveRubric } from '$lib/server/institutes/programmes/rubric';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await getRubric(app().db, locals.actor, params.slug);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const drafts = criteriaFromForm(data);
		const edit = listEditOf(String(data.get('op') ?? ''));
		try {
			if (edit.kind !== 'save')
				return { drafts: await editRubricDraft(app().db, locals.actor, params.slug, drafts, edit) };
			await saveRubric(app().db, locals.actor, params.slug, rubricInputOf(drafts));
			return { done: 'saved' as const };
		} catch (problem) {
			const failure = formFailure(problem);
			return fail(failure.status, { ...failure.data, drafts });
		}
	}
};
