import { m } from '$lib/paraglide/messages';
import { NotFound } from '../errors';
import { photoTypeOf } from './photo';
import { isMediaKey, type MediaStorage } from './storage';

/** Prefixes whose files anyone may read; everything else (photos taken at the desk) is private. */
const PUBLIC_PREFIXES = ['models/'];

/** A public file from media storage, with its type read from its content. A public read. */
export async function readPublicMedia(storage: MediaStorage, key: string) {
	if (!isMediaKey(key) || !PUBLIC_PREFIXES.some((prefix) => key.startsWith(prefix))) {
		throw new NotFound(m.media_not_found());
	}
	const bytes = await storage.get(key);
	const type = bytes && photoTypeOf(bytes);
	if (!bytes || !type) throw new NotFound(m.media_not_found());
	return { bytes, mime: type.mime };
}
