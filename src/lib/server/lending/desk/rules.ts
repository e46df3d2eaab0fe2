import { zonedInstant, zonedParts } from '../../../time/zoned';
import type { BookingStatus } from '../bookings.table';

type Booked = { status: BookingStatus; start: Date; end: Date };

/**
 * Why the desk may not hand a booking out now, or null when it may: a confirmed booking, from
 * the start of its pick-up day (on the city's clock) until its end.
 */
export function handOutRefusal(booked: Booked, now: Date, timeZone: string) {
	if (booked.status === 'requested') return 'not_approved' as const;
	if (booked.status !== 'confirmed') return 'not_ready' as const;
	const pickUpDay = zonedInstant(zonedParts(booked.start, timeZone).date, '00:00', timeZone);
	if (now < pickUpDay) return 'too_early' as const;
	if (now >= booked.end) return 'too_late' as const;
	return null;
}

/** Why nobody can be recorded as not having come, or null: a confirmed booking that has started. */
export function noShowRefusal(booked: Booked, now: Date) {
	if (booked.status !== 'confirmed') return 'not_confirmed' as const;
	if (now < booked.start) return 'not_started' as const;
	return null;
}

/** A request is decided before its period is over; afterwards it can only be rejected. */
export const requestExpired = (booked: Pick<Booked, 'end'>, now: Date) => now >= booked.end;
