import { fail } from '@sveltejs/kit';
import { valuesOfPost, type FormValues } from '$lib/institutes/draft-values';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import type { Actor } from '$lib/server/auth/permissions';
import { InvalidInput } from '$lib/server/errors';
import { fieldErrors } from '$lib/server/forms';
import { formFailure } from '$lib/server/http';
import {
	saveDraft,
	StaleDraft,
	type SaveInput,
	type ServerCopy
} from '$lib/server/institutes/applications/save-draft';

/** What the draft form posts, as the save use case takes it. */
export function saveInputOf(data: FormData): SaveInput {
	const text = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		revision: text('revision'),
		title: text('title'),
		values: valuesOfPost(data),
		publishFields: data.getAll('publish').filter((value) => typeof value === 'string'),
		publishName: text('publishName') === 'on'
	} as SaveInput;
}

export type DraftFailure = {
	message: string;
	errors?: Record<string, string>;
	/** What was typed, shown again after a refusal without JavaScript. */
	draft?: { title: string; values: FormValues };
	/** The newer copy another device saved. */
	conflict?: ServerCopy;
};

/** A refused save or move as the page shows it; anything unplanned stays a real failure. */
export function draftFailure(problem: unknown, input: SaveInput) {
	const draft = { title: String(input.title ?? ''), values: input.values as FormValues };
	if (problem instanceof StaleDraft)
		return fail(409, { message: problem.message, draft, conflict: problem.server } satisfies DraftFailure);
	if (problem instanceof InvalidInput)
		return fail(400, {
			message: problem.issues.map((issue) => issue.message).join(' '),
			errors: fieldErrors(problem.issues),
			draft
		} satisfies DraftFailure);
	const failure = formFailure(problem);
	return fail(failure.status, { message: failure.data.message ?? '', draft } satisfies DraftFailure);
}

/** Saves what the form holds before any other step, so no click loses typed words. */
export async function saveFirst(actor: Actor | null, id: string, input: SaveInput) {
	return saveDraft(app().db, app().institutes(), actor, id, input, getLocale());
}
