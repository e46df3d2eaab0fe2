import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { databaseAnswers } from '$lib/server/db/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const ok = await databaseAnswers(app().db);
	return json(ok ? { status: 'ok' } : { status: 'unavailable' }, {
		status: ok ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' }
	});
};
