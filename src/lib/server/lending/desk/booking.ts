import { and, asc, desc, eq, gt, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
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
import { freeUnits } from './free-units';
import { handOutRefusal, noShowRefusal } from './rules';

type Context = Pick<LendingContext, 'now' | 'timeZone'>;

/** What the desk may do with a booking now, judged on the city's clock. */
export function deskActions(view: BookingView, context: Context) {
	const now = context.now();
	return {
		decide: view.status === 'requested',
		handOut: handOutRefusal(view, now, context.timeZone) === null,
		noShow: noShowRefusal(view, now) === null,
		takeBack: view.status === 'checked_out'
	};
}

/** Units the desk could hand out instead of the ones held: same models and site, free all along. */
async function sparesFor(db: Database, view: BookingView) {
	const [hold] = await db
		.select({
			siteId: booking.siteId,
			startsAt: bookingUnit.startsAt,
			blockedUntil: bookingUnit.blockedUntil
		})
		.from(bookingUnit)
		.innerJoin(booking, eq(booking.id, bookingUnit.bookingId))
		.where(eq(bookingUnit.bookingId, view.id))
		.limit(1);
	if (!hold) return [];
	return freeUnits(db, {
		modelIds: [...new Set(view.units.map((unit) => unit.modelId))],
		siteId: hold.siteId,
		except: view.units.map((unit) => unit.id),
		startsAt: hold.startsAt,
		blockedUntil: hold.blockedUntil
	});
}

type HandoverRow = {
	id: string;
	kind: 'check_out' | 'check_in';
	assetTag: string;
	condition: string;
	damaged: boolean;
	photoKey: string | null;
	staff: string | null;
	at: Date;
};

/** One entry per hand-over (a kit's units go together), with the units it covered. */
function groupHandovers(rows: HandoverRow[]) {
	const events: (Omit<HandoverRow, 'assetTag' | 'damaged'> & { units: string[]; damaged: string[] })[] = [];
	for (const row of rows) {
		const last = events.at(-1);
		if (last && last.kind === row.kind && last.at.getTime() === row.at.getTime()) {
			last.units.push(row.assetTag);
			if (row.damaged) last.damaged.push(row.assetTag);
			continue;
		}
		const { assetTag, damaged, ...event } = row;
		events.push({ ...event, units: [assetTag], damaged: damaged ? [assetTag] : [] });
	}
	return events;
}

/**
 * One booking as the desk works on it: the booking, what can be done with it, its hand-over history
 * (condition notes, photos, who), and the free units of the same models at its site for a swap.
 */
export async function openDeskBooking(db: Database, actor: Actor | null, id: string, context: Context) {
	authorize(actor, 'desk.work');
	const [view] = isUuid(id) ? await readBookings(db, eq(booking.id, id), 'recent', 1, context.now()) : [];
	if (!view) throw new NotFound(m.booking_not_found());
	const actions = deskActions(view, context);
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
		actions.handOut ? sparesFor(db, view) : Promise.resolve([])
	]);
	return { booking: view, actions, handovers: groupHandovers(handovers), spares };
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
