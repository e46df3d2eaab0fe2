import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { booking, bookingUnit, mailOutbox, waitlistEntry } from '../../src/lib/server/db/schema';
import type { LendingContext } from '../../src/lib/server/lending/context';
import { localStorage } from '../../src/lib/server/media/storage';
import { zonedInstant } from '../../src/lib/time/zoned';

/** Photos taken in tests land in a directory of their own, removed with the machine's temp files. */
export const mediaDirectory = mkdtempSync(join(tmpdir(), 'commons-media-'));

export const PARIS = 'Europe/Paris';
/** Saturday 21 November 2026, noon in Brest: the clock of every lending test. */
export const NOW = zonedInstant('2026-11-21', '12:00', PARIS);

export const paris = (date: string, time: string) => zonedInstant(date, time, PARIS).toISOString();

export function lendingContext(
	overrides: Partial<LendingContext> = {}
): LendingContext & { nudges: number; released: number } {
	const context = {
		timeZone: PARIS,
		activeBookingLimit: 3,
		origin: 'http://portal.test',
		mailer: { mode: 'keep' as const, nudge: () => void (context.nudges += 1) },
		now: () => NOW,
		unitsReleased: () => void (context.released += 1),
		media: { storage: localStorage(mediaDirectory), photoMaxBytes: 2_000_000 },
		nudges: 0,
		released: 0,
		...overrides
	};
	return context;
}

/** Rows in every table a booking touches: a refusal must leave them all as they were. */
export async function lendingRowCounts(db: Database) {
	const tables = { booking, bookingUnit, mailOutbox, waitlistEntry };
	const counts: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		const [row] = await db.select({ n: count() }).from(table);
		counts[name] = row?.n ?? 0;
	}
	return counts;
}
