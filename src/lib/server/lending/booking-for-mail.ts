import { eq } from 'drizzle-orm';
import { user } from '../auth/auth.table';
import type { Database } from '../db/client';
import type { BookingForMail } from './booking-mail';
import { booking } from './bookings.table';
import { equipmentModel, kit } from './equipment.table';
import { site } from './sites.table';

/** A booking as its messages name it; null when nobody is left to tell (account deleted). */
export async function bookingForMail(db: Database, bookingId: string): Promise<BookingForMail | null> {
	const [row] = await db
		.select({
			id: booking.id,
			code: booking.code,
			start: booking.startsAt,
			end: booking.endsAt,
			reason: booking.decisionReason,
			modelName: equipmentModel.name,
			kitName: kit.name,
			site: site.name,
			person: { id: user.id, email: user.email, locale: user.locale }
		})
		.from(booking)
		.innerJoin(user, eq(user.id, booking.userId))
		.innerJoin(site, eq(site.id, booking.siteId))
		.leftJoin(equipmentModel, eq(equipmentModel.id, booking.modelId))
		.leftJoin(kit, eq(kit.id, booking.kitId))
		.where(eq(booking.id, bookingId));
	if (!row) return null;
	const { modelName, kitName, ...rest } = row;
	return { ...rest, item: modelName ?? kitName ?? { fr: '' } };
}
