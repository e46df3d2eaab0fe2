import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { fileBytes, formFields, readForm, readFormData } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { importIntoTrail } from '$lib/server/trails/import-into-trail';
import { removeStopMedia } from '$lib/server/trails/remove-stop-media';
import { addStop, moveStop, removeStop, updateStop } from '$lib/server/trails/stops';
import { submitTrail } from '$lib/server/trails/submit';
import { getTrailForEdit, updateTrail } from '$lib/server/trails/trails';
import { addStopMedia } from '$lib/server/trails/upload-media';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	const { db, settings } = app();
	try {
		const found = await getTrailForEdit(db, locals.actor, params.slug);
		return {
			trail: found.trail,
			project: { slug: found.project.slug, title: found.project.title, licence: found.project.licence },
			group: found.group,
			stops: found.stops,
			lengthMetres: found.lengthMetres,
			walkingMinutes: found.walkingMinutes,
			map: settings.map
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

// Each form says which one it is, so a refusal's messages land next to the right fields.
const failed = (problem: unknown, form: string, fields: Record<string, string> = {}) =>
	formFailure(problem, { ...fields, form });

export const actions: Actions = {
	details: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await updateTrail(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return failed(problem, 'details', fields);
		}
		return { done: 'saved' as const };
	},
	import: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		try {
			const counts = await importIntoTrail(
				app().db,
				locals.actor,
				params.slug,
				await fileBytes(data, 'file')
			);
			return { done: 'imported' as const, ...counts };
		} catch (problem) {
			return failed(problem, 'import');
		}
	},
	addStop: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await addStop(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return failed(problem, 'addStop', fields);
		}
		return { done: 'stop_added' as const };
	},
	updateStop: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await updateStop(app().db, locals.actor, params.slug, fields.stop ?? '', fields);
		} catch (problem) {
			return failed(problem, `stop-${fields.stop}`, fields);
		}
		return { done: 'stop_saved' as const };
	},
	moveStop: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await moveStop(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return failed(problem, 'moveStop', fields);
		}
		return { done: 'stop_moved' as const, stop: fields.stop };
	},
	removeStop: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await removeStop(app().db, locals.actor, params.slug, fields.stop ?? '');
		} catch (problem) {
			return failed(problem, 'removeStop', fields);
		}
		return { done: 'stop_removed' as const };
	},
	media: async ({ request, locals, params }) => {
		const data = await readFormData(request);
		const fields = formFields(data);
		try {
			await addStopMedia(app().db, app().trails(), locals.actor, params.slug, fields.stop ?? '', {
				file: await fileBytes(data, 'file'),
				fields
			});
		} catch (problem) {
			return failed(problem, `media-${fields.stop}`, fields);
		}
		return { done: 'media_added' as const };
	},
	removeMedia: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await removeStopMedia(
				app().db,
				app().trails(),
				locals.actor,
				params.slug,
				fields.stop ?? '',
				fields.media ?? ''
			);
		} catch (problem) {
			return failed(problem, 'removeMedia', fields);
		}
		return { done: 'media_removed' as const };
	},
	submit: async ({ locals, params }) => {
		try {
			await submitTrail(app().db, locals.actor, params.slug);
		} catch (problem) {
			return failed(problem, 'submit');
		}
		return { done: 'submitted' as const };
	}
};
