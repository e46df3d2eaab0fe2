import { and, eq, inArray, notExists, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { bookingUnit } from '../bookings.table';
import { equipmentUnit } from '../equipment.table';

export type FreeUnitFilter = {
	modelIds: string[];
	siteId: string;
	/** Units to leave out (those the booking already holds, or the one withdrawn). */
	except: string[];
	/** The hold to cover, turnaround included. */
	startsAt: Date;
	blockedUntil: Date;
};

/** Units of these models at the site, in service and held by nothing over the period, by tag. */
export function freeUnits(db: Database, filter: FreeUnitFilter) {
	const overlapping = db
		.select({ one: sql`1` })
		.from(bookingUnit)
		.where(
			and(
				eq(bookingUnit.unitId, equipmentUnit.id),
				eq(bookingUnit.active, true),
				sql`tstzrange(${bookingUnit.startsAt}, ${bookingUnit.blockedUntil}, '[)') && tstzrange(${filter.startsAt.toISOString()}::timestamptz, ${filter.blockedUntil.toISOString()}::timestamptz, '[)')`
			)
		);
	return db
		.select({ id: equipmentUnit.id, assetTag: equipmentUnit.assetTag, modelId: equipmentUnit.modelId })
		.from(equipmentUnit)
		.where(
			and(
				inArray(equipmentUnit.modelId, filter.modelIds),
				eq(equipmentUnit.siteId, filter.siteId),
				eq(equipmentUnit.status, 'in_service'),
				filter.except.length > 0 ? notInArray(equipmentUnit.id, filter.except) : undefined,
				notExists(overlapping)
			)
		)
		.orderBy(equipmentUnit.assetTag);
}
