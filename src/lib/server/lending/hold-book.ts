import type { Span } from './answer-cache';

/** A unit held from `startsAt` until `blockedUntil` (the return plus the buffer), in ms. */
export type Hold = { bookingId: string; unitId: string; startsAt: number; blockedUntil: number };

export type HoldChange = Hold & { active: boolean };

/**
 * The active holds of every unit, from `keptSince` on, sorted by start. The database never lets
 * two active holds of one unit overlap, so they are sorted by end as well.
 */
export class HoldBook {
	private readonly byUnit = new Map<string, Hold[]>();
	private readonly byKey = new Map<string, Hold>();

	constructor(readonly keptSince: number) {}

	get size() {
		return this.byKey.size;
	}

	/**
	 * Takes a row's state as the database now holds it (active or not). Answers the periods whose
	 * holds changed (the one left, the one taken), none when the row was already known as it is.
	 */
	apply(change: HoldChange): Span[] {
		const key = `${change.bookingId}/${change.unitId}`;
		const known = this.byKey.get(key);
		const kept = change.active && change.blockedUntil > this.keptSince;
		if (known && kept && known.startsAt === change.startsAt && known.blockedUntil === change.blockedUntil) {
			return [];
		}
		const changed: Span[] = [];
		if (known) {
			this.byKey.delete(key);
			const holds = this.list(known.unitId);
			holds.splice(holds.indexOf(known), 1);
			changed.push({ from: known.startsAt, to: known.blockedUntil });
		}
		if (!kept) return changed;
		const hold: Hold = {
			bookingId: change.bookingId,
			unitId: change.unitId,
			startsAt: change.startsAt,
			blockedUntil: change.blockedUntil
		};
		this.byKey.set(key, hold);
		const holds = this.list(hold.unitId);
		let index = holds.length;
		while (index > 0 && (holds[index - 1] as Hold).startsAt > hold.startsAt) index -= 1;
		holds.splice(index, 0, hold);
		changed.push({ from: hold.startsAt, to: hold.blockedUntil });
		return changed;
	}

	/**
	 * The unit's holds, sorted by start: always the same array for a unit, kept up to date, so a
	 * caller may keep it instead of looking it up again.
	 */
	listOf(unitId: string): readonly Hold[] {
		return this.list(unitId);
	}

	private list(unitId: string): Hold[] {
		let holds = this.byUnit.get(unitId);
		if (!holds) {
			holds = [];
			this.byUnit.set(unitId, holds);
		}
		return holds;
	}
}

/** The first of a unit's holds still blocking it after `instant`, if any. */
export function nextHoldAfter(holds: readonly Hold[], instant: number): Hold | undefined {
	let low = 0;
	let high = holds.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if ((holds[middle] as Hold).blockedUntil > instant) high = middle;
		else low = middle + 1;
	}
	return holds[low];
}
