import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readFormData } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import {
	editFormDraft,
	getFormBuilder,
	saveApplicationForm
} from '$lib/server/institutes/programmes/application-forms';
import { draftsFromForm, fieldInputOf } from '$lib/institutes/builder/form-drafts';
import { listEditOf } from '$lib/institutes/builder/list-edits';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return {
			...(await getFormBuilder(app().db, locals.actor, params.slug)),
			created: url.searchParams.has('created'),
			timeZone: app().settings.timeZone
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	// One form for every button: the whole list comes with each press, so it works without JavaScript.
	save: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const drafts = draftsFromForm(data);
		const edit = listEditOf(String(data.get('op') ?? ''));
		try {
			if (edit.kind !== 'save')
				return { drafts: await editFormDraft(app().db, locals.actor, params.slug, drafts, edit) };
			return {
				saved: await saveApplicationForm(app().db, locals.actor, params.slug, drafts.map(fieldInputOf))
			};
		} catch (problem) {
			const failure = formFailure(problem);
			return fail(failure.status, { ...failure.data, drafts });
		}
	}
};
