import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { bookingUnit } from '../bookings.table';
import { equipmentUnit } from '../equipment.table';

export type HeldUnit = {
	id: string;
	assetTag: string;
	modelId: string;
	siteId: string;
	status: 'in_service' | 'out_of_service' | 'retired';
};

/** The units a booking holds, by asset tag. */
export function heldUnits(db: Database, bookingId: string): Promise<HeldUnit[]> {
	return db
		.select({
			id: equipmentUnit.id,
			assetTag: equipmentUnit.assetTag,
			modelId: equipmentUnit.modelId,
			siteId: equipmentUnit.siteId,
			status: equipmentUnit.status
		})
		.from(bookingUnit)
		.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
		.where(eq(bookingUnit.bookingId, bookingId))
		.orderBy(equipmentUnit.assetTag);
}
