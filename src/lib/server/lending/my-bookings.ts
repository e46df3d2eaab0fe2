import { and, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/record';
import { authorize, can, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound, Refused } from '../errors';
import { readBookings, type BookingView } from './booking-views';
import { booking } from './bookings.table';
import type { LendingContext } from './context';
import { isUuid } from '../ids';

/** A resident's own bookings, soonest first; desk staff and admins may list everyone's. */
export async function listBookings(db: Database, actor: Actor | null, scope: 'mine' | 'all' = 'mine') {
	authorize(actor, scope === 'all' ? 'bookings.list-all' : 'bookings.own');
	return readBookings(
		db,
		scope === 'all' ? undefined : eq(booking.userId, actor.userId),
		scope === 'all' ? 'recent' : 'upcoming'
	);
}

/** Everything one person booked, for their calendar feed (the feed's token is the permission). */
export async function listBookingsOf(db: Database, userId: string) {
	return readBookings(db, eq(booking.userId, userId), 'upcoming', 500);
}

/** One booking; someone else's is "not found" rather than "forbidden", so ids reveal nothing. */
export async function getBooking(db: Database, actor: Actor | null, id: string): Promise<BookingView> {
	authorize(actor, 'bookings.own');
	const [found] = isUuid(id) ? await readBookings(db, eq(booking.id, id), 'recent', 1) : [];
	if (!found || !can(actor, 'bookings.read', found)) throw new NotFound(m.booking_not_found());
	return found;
}

/** Cancels before pick-up; the units are released in the same statement by the status trigger. */
export async function cancelBooking(
	db: Database,
	actor: Actor | null,
	id: string,
	context: Pick<LendingContext, 'now' | 'unitsReleased'>
): Promise<BookingView> {
	const found = await getBooking(db, actor, id);
	authorize(actor, 'bookings.cancel', found);
	if (!found.cancellable) throw new Refused('not_cancellable', m.booking_not_cancellable());
	await db.transaction(async (tx) => {
		const [changed] = await tx
			.update(booking)
			.set({ status: 'cancelled', cancelledAt: context.now() })
			.where(and(eq(booking.id, id), inArray(booking.status, ['requested', 'confirmed'])))
			.returning({ id: booking.id });
		if (!changed) throw new Refused('not_cancellable', m.booking_not_cancellable());
		if (found.userId !== actor.userId) {
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'booking.cancel',
				subjectType: 'booking',
				subjectId: id,
				before: { status: found.status },
				after: { status: 'cancelled' }
			});
		}
	});
	context.unitsReleased();
	return { ...found, status: 'cancelled', cancellable: false };
}

/** Past bookings are those that ended or will not happen; the rest are upcoming. */
export function splitByTime(bookings: BookingView[], now: Date) {
	const finished = (view: BookingView) =>
		['returned', 'cancelled', 'rejected', 'no_show'].includes(view.status) ||
		(view.end < now && view.status !== 'checked_out');
	return {
		upcoming: bookings.filter((view) => !finished(view)),
		past: bookings.filter(finished).sort((a, b) => b.start.getTime() - a.start.getTime())
	};
}
