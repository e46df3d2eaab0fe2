import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { readAttachment } from '$lib/server/institutes/applications/attachments';
import type { RequestHandler } from './$types';

/**
 * An application's attachment, for its applicant and the reviewers only: never cached by shared
 * caches, always downloaded rather than shown, and never sniffed into something else.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const file = await readAttachment(app().db, app().institutes(), locals.actor, params.id);
		return new Response(file.bytes.slice().buffer, {
			headers: {
				'content-type': file.mime,
				'content-length': String(file.bytes.length),
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
				'cache-control': 'private, no-store',
				'x-content-type-options': 'nosniff',
				'content-security-policy': "default-src 'none'; sandbox"
			}
		});
	} catch (problem) {
		pageFailure(problem);
	}
};
