import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/rows';
import type { CatalogueSnapshot } from './catalogue-memory';
import { nextHoldAfter } from './hold-book';
import { cellOf, type Inventory } from './inventory';

export type Period = { from: Date; to: Date };

/** Units in service held during the period, per model and site (cells as in `inventory.totals`). */
export type BusyCounts = Int32Array;

/**
 * A unit is busy when a hold of it overlaps [from, to) stretched by its model's buffer: from the
 * kept holds, which are sorted, one binary search per unit.
 */
export function busyInMemory({ inventory, holdsOfUnit }: CatalogueSnapshot, period: Period): BusyCounts {
	const from = period.from.getTime();
	const to = period.to.getTime();
	const { unitModel, unitSite, bufferMs, sites } = inventory;
	const busy: BusyCounts = new Int32Array(inventory.totals.length);
	holdsOfUnit.forEach((holds, unit) => {
		const model = unitModel[unit] as number;
		const next = nextHoldAfter(holds, from);
		if (next && next.startsAt < to + (bufferMs[model] as number)) {
			const cell = cellOf(model, unitSite[unit] as number, sites.length);
			busy[cell] = (busy[cell] as number) + 1;
		}
	});
	return busy;
}

/**
 * The same count asked of the database, for windows older than the kept holds. One index scan
 * takes every active hold overlapping [from, to + the longest buffer); a unit counts when its
 * earliest such hold starts before `to` plus its own model's buffer.
 */
export async function busyInDatabase(
	db: Database,
	period: Period,
	inventory: Inventory
): Promise<BusyCounts> {
	const { longestBufferMinutes, modelIndex, siteIndex, sites } = inventory;
	const from = period.from.toISOString();
	const to = period.to.toISOString();
	const until = new Date(period.to.getTime() + longestBufferMinutes * 60_000).toISOString();
	const rows = rowsOf<{ model_id: string; site_id: string; busy: number }>(
		await db.execute(sql`
			select u.model_id, u.site_id, count(*)::int as busy
			from (
				select bu.unit_id, min(bu.starts_at) as first_start
				from booking_unit bu
				where bu.active
					and tstzrange(bu.starts_at, bu.blocked_until, '[)') && tstzrange(${from}::timestamptz, ${until}::timestamptz, '[)')
				group by bu.unit_id
			) h
			join equipment_unit u on u.id = h.unit_id
			join equipment_model em on em.id = u.model_id
			where u.status = 'in_service'
				and h.first_start < ${to}::timestamptz + make_interval(mins => em.buffer_minutes)
			group by u.model_id, u.site_id`)
	);
	const busy: BusyCounts = new Int32Array(inventory.totals.length);
	for (const row of rows) {
		const model = modelIndex.get(row.model_id);
		const place = siteIndex.get(row.site_id);
		if (model !== undefined && place !== undefined)
			busy[cellOf(model, place, sites.length)] = Number(row.busy);
	}
	return busy;
}

/** Whether the kept holds reach back to the period's start. */
export const keptFor = (snapshot: CatalogueSnapshot, period: Partial<Period>) =>
	!period.from || period.from.getTime() >= snapshot.holds.keptSince;

/** Busy units for the period, from memory when the kept holds reach back to it. */
export function busyUnits(db: Database, snapshot: CatalogueSnapshot, period: Period) {
	if (keptFor(snapshot, period)) return busyInMemory(snapshot, period);
	return busyInDatabase(db, period, snapshot.inventory);
}
