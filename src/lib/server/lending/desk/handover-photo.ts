import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import type { MediaStorage } from '../../media/storage';
import { readPhoto } from '../../media/stored-photo';
import { bookingHandover } from '../bookings.table';

/** A photo taken at the desk, for staff only: the key must belong to a recorded hand-over. */
export async function readHandoverPhoto(
	db: Database,
	actor: Actor | null,
	key: string,
	storage: MediaStorage
) {
	authorize(actor, 'desk.work');
	const [recorded] = await db
		.select({ key: bookingHandover.photoKey })
		.from(bookingHandover)
		.where(eq(bookingHandover.photoKey, key))
		.limit(1);
	const photo = recorded ? await readPhoto(storage, key) : null;
	if (!photo) throw new NotFound(m.desk_photo_not_found());
	return photo;
}
