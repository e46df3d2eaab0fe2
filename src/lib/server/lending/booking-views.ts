import { asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized-text';
import { user } from '../auth/auth.table';
import type { Database } from '../db/client';
import { booking, bookingUnit, type BookingStatus } from './bookings.table';
import { equipmentModel, equipmentUnit, kit } from './equipment.table';
import { site } from './sites.table';

/** A booking as pages show it, to its resident and to the desk. */
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
	/** Who booked; null once their account is deleted. */
	person: { name: string; email: string } | null;
	/** Why the desk must look at it before pick-up, if it must. */
	flagReason: 'unit_out_of_service' | null;
	equipment: { kind: 'model' | 'kit'; slug: string; name: LocalizedText };
	site: { slug: string; name: string; address: string };
	units: { id: string; assetTag: string; model: LocalizedText; modelId: string }[];
	/** Before pick-up a resident may still cancel. */
	cancellable: boolean;
	overdue: boolean;
};

const unitModel = alias(equipmentModel, 'unit_model');

/** Bookings matching `where`, with their item, site, person and units. */
export async function readBookings(
	db: Database,
	where: SQL | undefined,
	order: 'upcoming' | 'recent',
	limit = 200,
	/** The moment "overdue" is judged against. */
	now = new Date()
) {
	const rows = await db
		.select({
			booking,
			model: { slug: equipmentModel.slug, name: equipmentModel.name },
			kit: { slug: kit.slug, name: kit.name },
			site: { slug: site.slug, name: site.name, address: site.address },
			person: { name: user.name, email: user.email }
		})
		.from(booking)
		.innerJoin(site, eq(site.id, booking.siteId))
		.leftJoin(user, eq(user.id, booking.userId))
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
						id: equipmentUnit.id,
						assetTag: equipmentUnit.assetTag,
						model: unitModel.name,
						modelId: equipmentUnit.modelId
					})
					.from(bookingUnit)
					.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
					.innerJoin(unitModel, eq(unitModel.id, equipmentUnit.modelId))
					.where(inArray(bookingUnit.bookingId, ids))
					.orderBy(equipmentUnit.assetTag);
	return rows.map(({ booking: row, model, kit: bundle, site: place, person }): BookingView => {
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
			person,
			flagReason: row.flagReason,
			equipment: item,
			site: place,
			units: units
				.filter((unit) => unit.bookingId === row.id)
				.map(({ bookingId: _booking, ...unit }) => unit),
			cancellable: row.status === 'requested' || row.status === 'confirmed',
			overdue: row.status === 'checked_out' && row.endsAt < now
		};
	});
}
