import { redirect } from '@sveltejs/kit';
import { valuesOfAnswers } from '$lib/institutes/draft-values';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { fileBytes, readForm, readFormData } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { moveAsApplicant } from '$lib/server/institutes/applications/applicant-moves';
import { addProgressReport, getApplicationPage } from '$lib/server/institutes/applications/application-page';
import { setCommonsRecord } from '$lib/server/institutes/applications/attach-record';
import { attachFile, removeAttachment } from '$lib/server/institutes/applications/attachments';
import { draftFailure, saveFirst, saveInputOf } from './draft-post';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const page = await getApplicationPage(app().db, app().institutes(), locals.actor, params.id);
		return {
			...page,
			values: valuesOfAnswers(page.fields, page.application.answers, getLocale()),
			maxBytes: app().institutes().attachments.maxBytes
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

const text = (data: FormData, name: string) => {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const input = saveInputOf(await readFormData(request));
		try {
			const saved = await saveFirst(locals.actor, params.id, input);
			return { saved: { revision: saved.revision, at: saved.savedAt.toISOString() } };
		} catch (problem) {
			return draftFailure(problem, input);
		}
	},
	attach: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const input = saveInputOf(data);
		const field = text(data, 'attach');
		try {
			await saveFirst(locals.actor, params.id, input);
			const file = data.get(`file.${field}`);
			await attachFile(app().db, app().institutes(), locals.actor, params.id, {
				field,
				name: file instanceof File ? file.name : '',
				bytes: await fileBytes(data, `file.${field}`)
			});
		} catch (problem) {
			return draftFailure(problem, input);
		}
		redirect(303, `/my/applications/${params.id}#answer-${field}`);
	},
	remove: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const input = saveInputOf(data);
		try {
			await saveFirst(locals.actor, params.id, input);
			await removeAttachment(app().db, app().institutes(), locals.actor, params.id, text(data, 'remove'));
		} catch (problem) {
			return draftFailure(problem, input);
		}
		redirect(303, `/my/applications/${params.id}`);
	},
	record: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const input = saveInputOf(data);
		try {
			await saveFirst(locals.actor, params.id, input);
			const attach = text(data, 'record') === 'attach';
			await setCommonsRecord(app().db, app().institutes(), locals.actor, params.id, attach, getLocale());
		} catch (problem) {
			return draftFailure(problem, input);
		}
		redirect(303, `/my/applications/${params.id}#commons-record`);
	},
	submit: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const input = saveInputOf(data);
		const move = text(data, 'move') === 'resubmit' ? 'resubmit' : 'submit';
		try {
			await saveFirst(locals.actor, params.id, input);
			await moveAsApplicant(app().db, app().institutes(), locals.actor, params.id, move, getLocale());
		} catch (problem) {
			return draftFailure(problem, input);
		}
		redirect(303, `/my/applications/${params.id}?done=${move}`);
	},
	withdraw: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		if (fields.confirm !== 'yes') redirect(303, `/my/applications/${params.id}?withdraw=confirm`);
		try {
			await moveAsApplicant(app().db, app().institutes(), locals.actor, params.id, 'withdraw', getLocale());
		} catch (problem) {
			return formFailure(problem);
		}
		redirect(303, `/my/applications/${params.id}?done=withdraw`);
	},
	report: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await addProgressReport(app().db, app().institutes(), locals.actor, params.id, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { reported: true };
	}
};
