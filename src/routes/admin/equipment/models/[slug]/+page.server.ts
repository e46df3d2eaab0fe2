import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { formFields, readForm } from '$lib/server/forms';
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
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			error(400, m.form_unreadable());
		}
		const fields = formFields(data);
		const file = data.get('photo');
		const photo = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined;
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
