import { and, eq, exists, ilike, or, sql } from 'drizzle-orm';
import { user } from '../../auth/auth.table';
import type { Database } from '../../db/client';
import { containing } from '../../db/like';
import { normalizeBookingCode } from '../booking-code';
import { readBookings } from '../booking-views';
import { booking, bookingUnit } from '../bookings.table';
import { equipmentUnit } from '../equipment.table';

/**
 * Bookings at any site found by what the desk typed: a booking code, a unit's asset tag, or part
 * of the resident's name or email address. Most recent first. Callers check the permission.
 */
export function searchBookings(db: Database, typed: string, now: Date) {
	const pattern = containing(typed);
	const heldUnitTagged = db
		.select({ one: sql`1` })
		.from(bookingUnit)
		.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
		.where(
			and(
				eq(bookingUnit.bookingId, booking.id),
				// Tags are stored in capitals: compared as such, the unique index answers.
				eq(equipmentUnit.assetTag, typed.toUpperCase())
			)
		);
	return readBookings(
		db,
		or(
			eq(booking.code, normalizeBookingCode(typed)),
			exists(heldUnitTagged),
			// "Helene" finds "Hélène", as the catalogue's search does.
			sql`unaccent(${user.name}) ilike unaccent(${pattern})`,
			ilike(user.email, pattern)
		),
		'recent',
		30,
		now
	);
}
