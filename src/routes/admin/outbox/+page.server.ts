import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { readOutbox } from '$lib/server/mail/outbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return {
			messages: await readOutbox(app().db, locals.actor),
			smtp: app().mailer.mode === 'smtp'
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
