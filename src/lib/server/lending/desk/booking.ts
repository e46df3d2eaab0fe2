import { and, asc, desc, eq, gt, inArray, notInArray, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { zonedInstant, zonedParts } from '../../../time/zoned';
import { user } from '../../auth/auth.table';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import { isUuid } from '../../ids';
import { readBookings, type BookingView } from '../booking-views';
import { normalizeBookingCode } from '../booking-code';
import { booking, bookingHandover, bookingUnit } from '../bookings.table';
import type { LendingContext } from '../context';
import { equipmentUnit } from '../equipment.table';

type Context = Pick<LendingContext, 'now' | 'timeZone'>;

/** What the desk may do with a booking now, judged on the city's clock. */
export function deskActions(view: BookingView, context: Context) {
	const now = context.now();
	const pickUpDay = zonedInstant(zonedParts(view.start, context.timeZone).date, '00:00', context.timeZone);
	return {
		decide: view.status === 'requested',
		handOut: view.status === 'confirmed' && now >= pickUpDay && now < view.end,
		noShow: view.status === 'confirmed' && now >= view.start,
		takeBack: view.status === 'checked_out'
	};
}

/**
 * One booking as the desk works on it: the booking, what can be done with it, its hand-over history
 * (condition notes, photos, who), and the free units of the same models at its site for a swap.
 */
export async function openDeskBooking(db: Database, actor: Actor | null, id: string, context: Context) {
	authorize(actor, 'desk.work');
	const [view] = isUuid(id) ? await readBookings(db, eq(booking.id, id), 'recent', 1, context.now()) : [];
	if (!view) throw new NotFound(m.booking_not_found());
	const heldIds = view.units.map((unit) => unit.id);
	const [handovers, spares] = await Promise.all([
		db
			.select({
				id: bookingHandover.id,
				kind: bookingHandover.kind,
				assetTag: equipmentUnit.assetTag,
				condition: bookingHandover.condition,
				damaged: bookingHandover.damaged,
				photoKey: bookingHandover.photoKey,
				staff: user.name,
				at: bookingHandover.at
			})
			.from(bookingHandover)
			.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingHandover.unitId))
			.leftJoin(user, eq(user.id, bookingHandover.staffId))
			.where(eq(bookingHandover.bookingId, view.id))
			.orderBy(asc(bookingHandover.at), asc(equipmentUnit.assetTag)),
		heldIds.length === 0
			? Promise.resolve([])
			: db
					.select({ assetTag: equipmentUnit.assetTag, modelId: equipmentUnit.modelId })
					.from(equipmentUnit)
					.innerJoin(booking, eq(booking.id, view.id))
					.where(
						and(
							eq(equipmentUnit.siteId, booking.siteId),
							inArray(
								equipmentUnit.modelId,
								view.units.map((unit) => unit.modelId)
							),
							eq(equipmentUnit.status, 'in_service'),
							notInArray(equipmentUnit.id, heldIds)
						)
					)
					.orderBy(asc(equipmentUnit.assetTag))
	]);
	return { booking: view, actions: deskActions(view, context), handovers, spares };
}

/**
 * The booking a scanned or typed code points to: a booking code, or a unit's asset tag (the loan it
 * is out on, else its next pick-up). Null when nothing matches; the desk then searches instead.
 */
export async function findBookingToOpen(
	db: Database,
	actor: Actor | null,
	typed: { code?: string; tag?: string },
	context: Pick<LendingContext, 'now'>
): Promise<string | null> {
	authorize(actor, 'desk.work');
	if (typed.code) {
		const [found] = await db
			.select({ id: booking.id })
			.from(booking)
			.where(eq(booking.code, normalizeBookingCode(typed.code)))
			.limit(1);
		return found?.id ?? null;
	}
	if (!typed.tag) return null;
	const [held] = await db
		.select({ id: booking.id, status: booking.status })
		.from(bookingUnit)
		.innerJoin(booking, eq(booking.id, bookingUnit.bookingId))
		.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
		.where(
			and(
				eq(equipmentUnit.assetTag, typed.tag.trim().toUpperCase()),
				// A confirmed booking whose period is over was never collected: not the one at the counter.
				or(
					eq(booking.status, 'checked_out'),
					and(eq(booking.status, 'confirmed'), gt(booking.endsAt, context.now()))
				)
			)
		)
		// The enum lists checked_out after confirmed: a loan that is out comes first.
		.orderBy(desc(booking.status), asc(booking.startsAt))
		.limit(1);
	return held?.id ?? null;
}
