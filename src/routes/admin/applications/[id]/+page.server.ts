import { app, type App } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { getApplicationReview } from '$lib/server/institutes/review/application-review';
import { assignReviewer, declareConflict, unassignReviewer } from '$lib/server/institutes/review/assignments';
import {
	acceptApplication,
	rejectApplication,
	requestApplicationChanges,
	startApplicationReview
} from '$lib/server/institutes/review/decide';
import { eventLabel } from '$lib/institutes/event-labels';
import { addMilestone, markMilestoneDone } from '$lib/server/institutes/review/follow-up';
import { addReviewNote, saveScores } from '$lib/server/institutes/review/scores-and-notes';
import type { Actor } from '$lib/server/auth/permissions';
import type { InstitutesContext } from '$lib/server/institutes/context';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const review = await getApplicationReview(app().db, locals.actor, params.id);
		return {
			...review,
			events: review.events.map((entry) => ({ ...entry, label: eventLabel(entry.event.kind) })),
			now: app().institutes().now()
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

type UseCase = (
	db: App['db'],
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) => Promise<void>;

/** Every action here: read the form, run the use case, say what was done or why not. */
async function run<Done extends string>(
	{ request, locals, params }: RequestEvent,
	done: Done,
	useCase: UseCase
) {
	const fields = await readForm(request);
	try {
		await useCase(app().db, app().institutes(), locals.actor, params.id, fields);
	} catch (problem) {
		return formFailure(problem, { ...fields, form: done });
	}
	return { done };
}

const start: UseCase = (db, context, actor, id) => startApplicationReview(db, context, actor, id);

export const actions: Actions = {
	assign: async (event) => run(event, 'assign', assignReviewer),
	unassign: async (event) => run(event, 'unassign', unassignReviewer),
	conflict: async (event) => run(event, 'conflict', declareConflict),
	start: async (event) => run(event, 'start', start),
	changes: async (event) => run(event, 'changes', requestApplicationChanges),
	accept: async (event) => run(event, 'accept', acceptApplication),
	reject: async (event) => run(event, 'reject', rejectApplication),
	score: async (event) => run(event, 'score', saveScores),
	note: async (event) => run(event, 'note', addReviewNote),
	milestone: async (event) => run(event, 'milestone', addMilestone),
	milestoneDone: async (event) => run(event, 'milestoneDone', markMilestoneDone)
};
