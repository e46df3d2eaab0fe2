import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { readPublicMedia } from '$lib/server/media/public';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	try {
		const file = await readPublicMedia(app().media, params.key);
		return new Response(file.bytes.slice().buffer, {
			headers: {
				'content-type': file.mime,
				// Keys are never reused: a changed photo is a new key.
				'cache-control': 'public, max-age=31536000, immutable',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (problem) {
		pageFailure(problem);
	}
};
