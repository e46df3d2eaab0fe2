import { and, desc, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../db/client';
import { Refused } from '../errors';
import { booking, calendarFeed, waitlistEntry } from './bookings.table';
import { equipmentModel, kit } from './equipment.table';
import { site } from './sites.table';

/** The lending part of a person's data export: bookings, waitlist entries, calendar feed. */
export async function lendingDataOf(db: Database, userId: string) {
	const [bookings, waitlist, feeds] = await Promise.all([
		db
			.select({
				code: booking.code,
				status: booking.status,
				model: equipmentModel.slug,
				kit: kit.slug,
				site: site.slug,
				start: booking.startsAt,
				end: booking.endsAt,
				note: booking.note,
				createdAt: booking.createdAt,
				decisionReason: booking.decisionReason
			})
			.from(booking)
			.innerJoin(site, eq(site.id, booking.siteId))
			.leftJoin(equipmentModel, eq(equipmentModel.id, booking.modelId))
			.leftJoin(kit, eq(kit.id, booking.kitId))
			.where(eq(booking.userId, userId))
			.orderBy(desc(booking.startsAt)),
		db
			.select({
				site: site.slug,
				start: waitlistEntry.startsAt,
				end: waitlistEntry.endsAt,
				notifiedAt: waitlistEntry.notifiedAt
			})
			.from(waitlistEntry)
			.innerJoin(site, eq(site.id, waitlistEntry.siteId))
			.where(eq(waitlistEntry.userId, userId)),
		db.select({ createdAt: calendarFeed.createdAt }).from(calendarFeed).where(eq(calendarFeed.userId, userId))
	]);
	return {
		bookings: bookings.map(({ model, kit: kitSlug, ...rest }) => ({ equipment: model ?? kitSlug, ...rest })),
		waitlist,
		calendarFeed: feeds[0] ?? null
	};
}

/**
 * Before an account goes: equipment still out must come back first; bookings not yet picked up
 * are cancelled so their units are free again; notes are erased. The history of loans stays,
 * without a name (the booking's user becomes null with the account).
 */
export async function releaseBookingsOf(tx: Database, userId: string): Promise<void> {
	const [out] = await tx
		.select({ code: booking.code })
		.from(booking)
		.where(and(eq(booking.userId, userId), eq(booking.status, 'checked_out')))
		.limit(1);
	if (out) throw new Refused('loan_in_progress', m.delete_loan_in_progress({ code: out.code }));
	await tx
		.update(booking)
		.set({ status: 'cancelled', cancelledAt: new Date() })
		.where(and(eq(booking.userId, userId), inArray(booking.status, ['requested', 'confirmed'])));
	await tx.update(booking).set({ note: null }).where(eq(booking.userId, userId));
}
