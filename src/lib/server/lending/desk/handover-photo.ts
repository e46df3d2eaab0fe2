import { acceptPhoto } from '../../media/photo';
import type { MediaStorage } from '../../media/storage';

export type PhotoStore = { storage: MediaStorage; photoMaxBytes: number };

/**
 * Runs `record` with the key of the stored photo (or null without one). Storage is not part of the
 * database transaction, so a photo whose record fails is removed again rather than left orphaned.
 */
export async function withHandoverPhoto<T>(
	media: PhotoStore,
	photo: Uint8Array | undefined,
	record: (photoKey: string | null) => Promise<T>
): Promise<T> {
	if (!photo || photo.length === 0) return record(null);
	const accepted = acceptPhoto(photo, media.photoMaxBytes);
	const key = await media.storage.put('handovers', accepted.bytes, accepted.type.extension);
	try {
		return await record(key);
	} catch (problem) {
		await media.storage.remove(key);
		throw problem;
	}
}
