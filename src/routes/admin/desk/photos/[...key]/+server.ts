import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { readHandoverPhoto } from '$lib/server/lending/desk/handover-photo';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { db, media } = app();
	try {
		const photo = await readHandoverPhoto(db, locals.actor, params.key, media);
		return new Response(photo.bytes.slice().buffer, {
			headers: {
				'content-type': photo.mime,
				// Proof of condition is personal to a loan: kept out of shared caches.
				'cache-control': 'private, max-age=86400, immutable',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (problem) {
		pageFailure(problem);
	}
};
