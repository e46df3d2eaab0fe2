import { m } from '$lib/paraglide/messages';
import { NotFound } from '../errors';
import { contentRangeOf, parseRange } from './range';
import type { MediaStorage } from './storage';

/**
 * A stored file as an HTTP answer that players can seek in: 206 with the asked range, 416 for a
 * range past the end, else the whole file. Keys are never reused, so a file never changes.
 */
export async function mediaResponse(
	storage: MediaStorage,
	file: { key: string; mime: string },
	rangeHeader: string | null,
	visibility: 'public' | 'private'
): Promise<Response> {
	const size = await storage.size(file.key);
	if (size === null) throw new NotFound(m.media_not_found());
	const headers: Record<string, string> = {
		'content-type': file.mime,
		'accept-ranges': 'bytes',
		etag: `"${file.key}"`,
		'x-content-type-options': 'nosniff',
		// Drafts are for their group and the moderators: no shared cache may keep them. Published
		// files can be withdrawn by a moderator, so caches keep them an hour, then ask again (ETag).
		'cache-control': visibility === 'public' ? 'public, max-age=3600' : 'private, no-store'
	};
	const range = parseRange(rangeHeader, size);
	if (range === 'unsatisfiable') {
		return new Response(null, {
			status: 416,
			headers: { ...headers, 'content-range': contentRangeOf(range, size) }
		});
	}
	const part = range ?? { start: 0, end: size - 1 };
	const body = size === 0 ? null : storage.stream(file.key, part);
	return new Response(body, {
		status: range ? 206 : 200,
		headers: {
			...headers,
			'content-length': String(size === 0 ? 0 : part.end - part.start + 1),
			...(range ? { 'content-range': contentRangeOf(range, size) } : {})
		}
	});
}
