import { app } from '$lib/server/app';
import { fileBytes, formFields, readForm, readFormData } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { addModelPhoto, removeModelPhoto } from '$lib/server/lending/inventory/model-photos';
import { getModelForEdit, updateModel } from '$lib/server/lending/inventory/models';
import { lendingContext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return {
			...(await getModelForEdit(app().db, locals.actor, params.slug)),
			created: url.searchParams.has('created')
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await updateModel(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'saved' as const };
	},
	addPhoto: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const fields = formFields(data);
		const photo = await fileBytes(data, 'photo');
		try {
			await addModelPhoto(app().db, locals.actor, params.slug, { ...fields, photo }, lendingContext().media);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'photo_added' as const };
	},
	removePhoto: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await removeModelPhoto(app().db, locals.actor, params.slug, fields.src ?? '', lendingContext().media);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'photo_removed' as const };
	}
};
