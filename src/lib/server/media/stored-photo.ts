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
	return storeFile(media.storage, prefix, accepted.bytes, accepted.type.extension, record);
}

/** Stores checked bytes and runs `record` with their key; the file goes again if `record` fails. */
export async function storeFile<T>(
	storage: MediaStorage,
	prefix: string,
	bytes: Uint8Array,
	extension: string,
	record: (key: string) => Promise<T>
): Promise<T> {
	const key = await storage.put(prefix, bytes, extension);
	try {
		return await record(key);
	} catch (problem) {
		await storage.remove(key);
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
