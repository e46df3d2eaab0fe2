import { m } from '$lib/paraglide/messages';
import { NotFound } from '../errors';
import type { MediaStorage } from './storage';
import { readPhoto } from './stored-photo';

/** Prefixes whose files anyone may read; everything else (photos taken at the desk) is private. */
const PUBLIC_PREFIXES = ['models/'];

/** A public photo from media storage. A public read: no permission. */
export async function readPublicMedia(storage: MediaStorage, key: string) {
	const photo = PUBLIC_PREFIXES.some((prefix) => key.startsWith(prefix))
		? await readPhoto(storage, key)
		: null;
	if (!photo) throw new NotFound(m.media_not_found());
	return photo;
}
