import { acceptPhoto, photoTypeOf } from './photo';
import { isMediaKey, type MediaStorage } from './storage';

export type PhotoStore = { storage: MediaStorage; photoMaxBytes: number };

/**
 * Stores a photo (checked, its metadata removed) and runs `record` with its key. Storage is not part
 * of the database transaction, so a photo whose record fails is removed again, not left orphaned.
 */
export async function storePhoto<T>(
	media: PhotoStore,
	prefix: string,
	photo: Uint8Array,
	record: (key: string) => Promise<T>
): Promise<T> {
	const accepted = acceptPhoto(photo, media.photoMaxBytes);
	const key = await media.storage.put(prefix, accepted.bytes, accepted.type.extension);
	try {
		return await record(key);
	} catch (problem) {
		await media.storage.remove(key);
		throw problem;
	}
}

/** The same for a photo that may not have been taken: `record` then runs with null. */
export function withStoredPhoto<T>(
	media: PhotoStore,
	prefix: string,
	photo: Uint8Array | undefined,
	record: (key: string | null) => Promise<T>
): Promise<T> {
	if (!photo || photo.length === 0) return record(null);
	return storePhoto(media, prefix, photo, record);
}

/** A stored photo with its type read from its content, or null when there is none under the key. */
export async function readPhoto(storage: MediaStorage, key: string) {
	const bytes = isMediaKey(key) ? await storage.get(key) : null;
	const type = bytes && photoTypeOf(bytes);
	return bytes && type ? { bytes, mime: type.mime } : null;
}
