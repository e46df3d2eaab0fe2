import { fail, redirect } from '@sveltejs/kit';
import { answerField } from '$lib/learning/answer-field';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { completeQuiz } from '$lib/server/learning/complete-quiz';
import { getModule } from '$lib/server/learning/modules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return { lesson: await getModule(app().db, locals.actor, params.slug, getLocale()) };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		// Anyone may try the quiz; recording it needs an account, so sign in and come back.
		if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
		const fields = await readForm(request);
		try {
			const outcome = await completeQuiz(app().db, locals.actor, params.slug, fields);
			if (outcome.passed) return { passed: true };
			// A wrong answer is well-formed but not accepted: 422, and the person's choices stay ticked.
			return fail(422, {
				message: m.learn_quiz_failed({
					right: outcome.total - outcome.wrong.length,
					total: outcome.total,
					questions: outcome.wrong.join(', ')
				}),
				errors: Object.fromEntries(
					outcome.wrong.map((number) => [answerField(number - 1), m.learn_answer_wrong()])
				),
				values: fields
			});
		} catch (problem) {
			return formFailure(problem, fields);
		}
	}
};
