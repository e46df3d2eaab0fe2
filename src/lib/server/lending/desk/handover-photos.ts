import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import { photoTypeOf } from '../../media/photo';
import { isMediaKey, type MediaStorage } from '../../media/storage';
import { bookingHandover } from '../bookings.table';

/** A photo taken at the desk, for staff only: the key must belong to a recorded hand-over. */
export async function readHandoverPhoto(
	db: Database,
	actor: Actor | null,
	key: string,
	storage: MediaStorage
) {
	authorize(actor, 'desk.work');
	if (!isMediaKey(key)) throw new NotFound(m.desk_photo_not_found());
	const [recorded] = await db
		.select({ key: bookingHandover.photoKey })
		.from(bookingHandover)
		.where(eq(bookingHandover.photoKey, key))
		.limit(1);
	const bytes = recorded ? await storage.get(key) : null;
	const type = bytes && photoTypeOf(bytes);
	if (!bytes || !type) throw new NotFound(m.desk_photo_not_found());
	return { bytes, mime: type.mime };
}
