import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { m } from '$lib/paraglide/messages';
import type { LocalizedText } from '../../i18n/localized-text';
import { recordAudit } from '../audit/record';
import { authorize, can, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound, Refused } from '../errors';
import { booking, bookingUnit, type BookingStatus } from './bookings.table';
import type { LendingContext } from './context';
import { equipmentModel, equipmentUnit, kit } from './equipment.table';
import { site } from './sites.table';

export type BookingView = {
	id: string;
	code: string;
	status: BookingStatus;
	start: Date;
	end: Date;
	createdAt: Date;
	updatedAt: Date;
	note: string | null;
	decisionReason: string | null;
	userId: string | null;
	equipment: { kind: 'model' | 'kit'; slug: string; name: LocalizedText };
	site: { slug: string; name: string; address: string };
	units: { assetTag: string; model: LocalizedText }[];
	/** Before pick-up a resident may still cancel. */
	cancellable: boolean;
	overdue: boolean;
};

const unitModel = alias(equipmentModel, 'unit_model');

async function readBookings(db: Database, where: SQL | undefined, order: 'upcoming' | 'recent', limit = 200) {
	const rows = await db
		.select({
			booking,
			model: { slug: equipmentModel.slug, name: equipmentModel.name },
			kit: { slug: kit.slug, name: kit.name },
			site: { slug: site.slug, name: site.name, address: site.address }
		})
		.from(booking)
		.innerJoin(site, eq(site.id, booking.siteId))
		.leftJoin(equipmentModel, eq(equipmentModel.id, booking.modelId))
		.leftJoin(kit, eq(kit.id, booking.kitId))
		.where(where)
		.orderBy(order === 'upcoming' ? asc(booking.startsAt) : desc(booking.startsAt))
		.limit(limit);
	const ids = rows.map((row) => row.booking.id);
	const units =
		ids.length === 0
			? []
			: await db
					.select({
						bookingId: bookingUnit.bookingId,
						assetTag: equipmentUnit.assetTag,
						model: unitModel.name
					})
					.from(bookingUnit)
					.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
					.innerJoin(unitModel, eq(unitModel.id, equipmentUnit.modelId))
					.where(inArray(bookingUnit.bookingId, ids))
					.orderBy(equipmentUnit.assetTag);
	const now = new Date();
	return rows.map(({ booking: row, model, kit: bundle, site: place }): BookingView => {
		const item = model
			? { kind: 'model' as const, ...model }
			: { kind: 'kit' as const, ...(bundle ?? { slug: '', name: { fr: '' } }) };
		return {
			id: row.id,
			code: row.code,
			status: row.status,
			start: row.startsAt,
			end: row.endsAt,
			createdAt: row.createdAt,
			updatedAt: row.updatedAt,
			note: row.note,
			decisionReason: row.decisionReason,
			userId: row.userId,
			equipment: item,
			site: place,
			units: units
				.filter((unit) => unit.bookingId === row.id)
				.map(({ assetTag, model: name }) => ({ assetTag, model: name })),
			cancellable: row.status === 'requested' || row.status === 'confirmed',
			overdue: row.status === 'checked_out' && row.endsAt < now
		};
	});
}

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
	const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
	const [found] = isUuid ? await readBookings(db, eq(booking.id, id), 'recent', 1) : [];
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
