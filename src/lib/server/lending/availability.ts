import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { bookingUnit } from './bookings.table';
import { equipmentUnit } from './equipment.table';

const MINUTE = 60_000;

export type Interval = { start: Date; end: Date };
export type UnitRow = { id: string; modelId: string; siteId: string; assetTag: string };

/** Units in service of some models (at some sites) and what holds each of them within a window. */
export type Occupancy = { units: UnitRow[]; busy: Map<string, Interval[]> };

export async function loadOccupancy(
	db: Database,
	scope: { modelIds: string[]; siteIds?: string[]; window: Interval }
): Promise<Occupancy> {
	const units = await db
		.select({
			id: equipmentUnit.id,
			modelId: equipmentUnit.modelId,
			siteId: equipmentUnit.siteId,
			assetTag: equipmentUnit.assetTag
		})
		.from(equipmentUnit)
		.where(
			and(
				inArray(equipmentUnit.modelId, scope.modelIds),
				scope.siteIds ? inArray(equipmentUnit.siteId, scope.siteIds) : undefined,
				eq(equipmentUnit.status, 'in_service')
			)
		)
		.orderBy(equipmentUnit.assetTag);
	const busy = new Map<string, Interval[]>();
	if (units.length === 0) return { units, busy };
	const rows = await db
		.select({ unitId: bookingUnit.unitId, start: bookingUnit.startsAt, end: bookingUnit.blockedUntil })
		.from(bookingUnit)
		.where(
			and(
				inArray(
					bookingUnit.unitId,
					units.map((unit) => unit.id)
				),
				eq(bookingUnit.active, true),
				sql`tstzrange(${bookingUnit.startsAt}, ${bookingUnit.blockedUntil}, '[)') && tstzrange(${scope.window.start.toISOString()}::timestamptz, ${scope.window.end.toISOString()}::timestamptz, '[)')`
			)
		);
	for (const row of rows) {
		const list = busy.get(row.unitId) ?? [];
		list.push({ start: row.start, end: row.end });
		busy.set(row.unitId, list);
	}
	return { units, busy };
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Units of a model at a site free for the whole period plus the model's buffer after it. */
export function freeUnitsFor(
	occupancy: Occupancy,
	line: { modelId: string; bufferMinutes: number },
	siteId: string,
	period: Interval
): UnitRow[] {
	const held = { start: period.start, end: new Date(period.end.getTime() + line.bufferMinutes * MINUTE) };
	return occupancy.units.filter(
		(unit) =>
			unit.modelId === line.modelId &&
			unit.siteId === siteId &&
			!(occupancy.busy.get(unit.id) ?? []).some((interval) => overlaps(interval, held))
	);
}

/** How many of an item (a model, or whole kits) can be lent at a site for the period. */
export function bookableCount(
	occupancy: Occupancy,
	lines: { modelId: string; quantity: number; bufferMinutes: number }[],
	siteId: string,
	period: Interval
): number {
	return Math.min(
		...lines.map((line) => Math.floor(freeUnitsFor(occupancy, line, siteId, period).length / line.quantity))
	);
}

export type Step = { start: Date; end: Date; available: number };

/**
 * Over a window, how many of an item are free at each moment (buffers count as busy), as
 * contiguous steps: the "free and busy periods" of one site.
 */
export function availabilitySteps(
	occupancy: Occupancy,
	lines: { modelId: string; quantity: number }[],
	siteId: string,
	window: Interval
): Step[] {
	const relevant = occupancy.units.filter((unit) => unit.siteId === siteId);
	const edges = new Set<number>([window.start.getTime(), window.end.getTime()]);
	for (const unit of relevant) {
		for (const interval of occupancy.busy.get(unit.id) ?? []) {
			for (const edge of [interval.start.getTime(), interval.end.getTime()]) {
				if (edge > window.start.getTime() && edge < window.end.getTime()) edges.add(edge);
			}
		}
	}
	const points = [...edges].sort((a, b) => a - b);
	const steps: Step[] = [];
	for (let index = 0; index + 1 < points.length; index++) {
		const start = new Date(points[index] ?? 0);
		const end = new Date(points[index + 1] ?? 0);
		const available = Math.min(
			...lines.map((line) => {
				const free = relevant.filter(
					(unit) =>
						unit.modelId === line.modelId &&
						!(occupancy.busy.get(unit.id) ?? []).some((interval) => overlaps(interval, { start, end }))
				).length;
				return Math.floor(free / line.quantity);
			})
		);
		const previous = steps.at(-1);
		if (previous && previous.available === available) previous.end = end;
		else steps.push({ start, end, available });
	}
	return steps;
}
