import { json } from '@sveltejs/kit';
import { exportPersonalData } from '$lib/server/accounts/personal-data';
import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	try {
		const data = await exportPersonalData(app().db, locals.actor);
		const day = data.exportedAt.slice(0, 10);
		return json(data, {
			headers: {
				'Content-Disposition': `attachment; filename="my-data-${day}.json"`,
				'Cache-Control': 'no-store'
			}
		});
	} catch (problem) {
		pageFailure(problem);
	}
};
