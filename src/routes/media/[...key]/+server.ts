import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { readPublicMedia } from '$lib/server/media/public';
import { mediaResponse } from '$lib/server/media/serve';
import { readableProjectMedia } from '$lib/server/trails/media-access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const { db, media } = app();
	try {
		if (params.key.startsWith('projects/')) {
			const file = await readableProjectMedia(db, locals.actor, params.key);
			return await mediaResponse(media, file, request.headers.get('range'), file.visibility);
		}
		const file = await readPublicMedia(media, params.key);
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
