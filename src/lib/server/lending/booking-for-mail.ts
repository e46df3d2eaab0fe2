import { eq } from 'drizzle-orm';
import { user } from '../auth/auth.table';
import type { Database } from '../db/client';
import type { BookingForMail } from './booking-mail';
import { booking } from './bookings.table';
import { equipmentModel, kit } from './equipment.table';
import { site } from './sites.table';

/** Bookings with what their messages name: item, site, and the person to tell (never a deleted one). */
export function selectBookingsForMail(db: Database) {
	return db
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
		.leftJoin(kit, eq(kit.id, booking.kitId));
}

type MailRow = Awaited<ReturnType<ReturnType<typeof selectBookingsForMail>['execute']>>[number];

export function asBookingForMail({ modelName, kitName, ...rest }: MailRow): BookingForMail {
	return { ...rest, item: modelName ?? kitName ?? { fr: '' } };
}

/** One booking as its messages name it; null when nobody is left to tell (account deleted). */
export async function bookingForMail(db: Database, bookingId: string): Promise<BookingForMail | null> {
	const [row] = await selectBookingsForMail(db).where(eq(booking.id, bookingId));
	return row ? asBookingForMail(row) : null;
}
