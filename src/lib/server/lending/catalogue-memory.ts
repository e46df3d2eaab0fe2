import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/rows';
import { AnswerCache } from './answer-cache';
import { HoldBook, type Hold } from './hold-book';
import { readInventory, type Inventory } from './inventory';

export type CatalogueSnapshot = {
	inventory: Inventory;
	holds: HoldBook;
	/** Each unit's holds, by the unit's index in `inventory.units`. */
	holdsOfUnit: (readonly Hold[])[];
	/** Counts the changes to the holds: an answer worked out across a change is not kept. */
	generation: number;
	/** Answers still true of the holds. */
	answers: AnswerCache;
};

/** About 32 MB of kept answers (the full catalogue of a large city is about 300 kB). */
const ANSWERS_BUDGET = 32_000_000;

/** Holds that ended this long ago are not kept: an older window is asked of the database. */
const KEEP_PAST_MS = 24 * 3_600_000;
/** Reloading now and then drops holds that have long ended. */
const RELOAD_AFTER_MS = 7 * 24 * 3_600_000;

type HoldRow = {
	xmin: string;
	version: string;
	booking_id: string | null;
	unit_id: string;
	starts_ms: number;
	blocked_ms: number;
	active: boolean;
};

/**
 * The holds matching `which`, with the inventory version and the oldest transaction still running,
 * all read in one statement, so on one snapshot: every transaction older than `xmin` had ended
 * before that snapshot, and any later write carries a `changed_xid` at least `xmin`.
 */
async function readHolds(db: Database, which: SQL) {
	const rows = rowsOf<HoldRow>(
		await db.execute(sql`
			select s.xmin, s.version, h.booking_id, h.unit_id, h.starts_ms, h.blocked_ms, h.active
			from (
				select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
					(select version from inventory_version)::text as version
			) s
			left join lateral (
				select booking_id, unit_id, active,
					(extract(epoch from starts_at) * 1000)::float8 as starts_ms,
					(extract(epoch from blocked_until) * 1000)::float8 as blocked_ms
				from booking_unit
				where ${which}
			) h on true`)
	);
	const head = rows[0] as HoldRow;
	const changes = rows
		.filter((row) => row.booking_id !== null)
		.map((row) => ({
			bookingId: row.booking_id as string,
			unitId: row.unit_id,
			startsAt: Number(row.starts_ms),
			blockedUntil: Number(row.blocked_ms),
			active: row.active
		}));
	return { xmin: head.xmin, version: head.version, changes };
}

/**
 * One instance's copy of what the catalogue needs: the inventory and the coming holds. Each
 * request first asks the database for the holds written since the last time (an index scan that
 * usually finds nothing) and for the inventory version, so a booking or a change made through any
 * instance shows at once, as if nothing were kept.
 */
class CatalogueMemory {
	private kept?: { version: string; watermark: string; snapshot: CatalogueSnapshot };
	private running?: Promise<CatalogueSnapshot>;
	private queued?: Promise<CatalogueSnapshot>;

	constructor(private readonly db: Database) {}

	/**
	 * The catalogue as of a moment after this call. A refresh already under way may have read the
	 * database before the caller's own booking committed, so callers arriving meanwhile share the
	 * next one: one query serves them all, and refreshes apply in order.
	 */
	fresh(): Promise<CatalogueSnapshot> {
		if (!this.running) return this.start();
		this.queued ??= this.running
			.then(
				() => undefined,
				() => undefined
			)
			.then(() => {
				this.queued = undefined;
				return this.start();
			});
		return this.queued;
	}

	private start() {
		const run = this.refresh();
		this.running = run;
		const settle = () => {
			if (this.running === run) this.running = undefined;
		};
		run.then(settle, settle);
		return run;
	}

	private async refresh(): Promise<CatalogueSnapshot> {
		const kept = this.kept;
		if (!kept || Date.now() - kept.snapshot.holds.keptSince > RELOAD_AFTER_MS) return this.reload();
		const read = await readHolds(this.db, sql`changed_xid >= ${kept.watermark}::xid8`);
		if (read.version !== kept.version) return this.reload();
		const { snapshot } = kept;
		const longestBufferMs = snapshot.inventory.longestBufferMinutes * 60_000;
		for (const change of read.changes) {
			for (const span of snapshot.holds.apply(change)) {
				snapshot.generation += 1;
				snapshot.answers.forget(span, longestBufferMs);
			}
		}
		kept.watermark = read.xmin;
		return snapshot;
	}

	private async reload(): Promise<CatalogueSnapshot> {
		this.kept = undefined;
		const holds = new HoldBook(Date.now() - KEEP_PAST_MS);
		const since = new Date(holds.keptSince).toISOString();
		const read = await readHolds(this.db, sql`active and blocked_until > ${since}::timestamptz`);
		// Read after the version: an inventory written meanwhile shows as a newer version next time.
		const inventory = await readInventory(this.db);
		for (const change of read.changes) holds.apply(change);
		const holdsOfUnit = inventory.units.map((unit) => holds.listOf(unit.id));
		const snapshot = {
			inventory,
			holds,
			holdsOfUnit,
			generation: 0,
			answers: new AnswerCache(ANSWERS_BUDGET)
		};
		this.kept = { version: read.version, watermark: read.xmin, snapshot };
		return snapshot;
	}
}

const memories = new WeakMap<Database, CatalogueMemory>();

export function catalogueSnapshot(db: Database): Promise<CatalogueSnapshot> {
	let memory = memories.get(db);
	if (!memory) {
		memory = new CatalogueMemory(db);
		memories.set(db, memory);
	}
	return memory.fresh();
}
