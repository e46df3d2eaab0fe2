// The same work without HTTP: the use cases called in this process on a pool the size of the
// app's, and the availability query of each window asked of the database, replayed as captured
// (the catalogue answers from the holds it keeps, and asks this only for past windows).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from '../../../src/lib/server/db/client';
import * as schema from '../../../src/lib/server/db/schema';
import { DomainError, InvalidInput, NotSignedIn, Refused } from '../../../src/lib/server/errors';
import { busyInDatabase } from '../../../src/lib/server/lending/busy-units';
import { listCatalogue } from '../../../src/lib/server/lending/catalogue';
import { catalogueJson, encodeCatalogue } from '../../../src/lib/server/lending/catalogue-api';
import { catalogueSnapshot } from '../../../src/lib/server/lending/catalogue-memory';
import type { LendingContext } from '../../../src/lib/server/lending/context';
import { createBooking } from '../../../src/lib/server/lending/create-booking';
import { cancelBooking } from '../../../src/lib/server/lending/my-bookings';
import { localStorage } from '../../../src/lib/server/media/storage';
import { runConcurrent, type Summary } from './measure';
import { TIME_ZONE } from './city';
import type { BookingRequest, Window } from './workload';

/** The app's pool size (openDatabase's default). */
const POOL = 10;

/** A query as drizzle sent it; its parameters were postgres.js values then, and are again. */
type Captured = { query: string; params: postgres.ParameterOrJSON<never>[] };

export type Direct = {
	db: Database;
	/** For each window, the query that counts its busy units in the database. */
	availabilityQueries: (windows: Window[]) => Promise<Captured[]>;
	replay: (query: Captured) => Promise<unknown>;
	/** EXPLAIN ANALYZE of each query: execution times, and the plan of the slowest. */
	explain: (queries: Captured[]) => Promise<{ milliseconds: number[]; slowest: string }>;
	close: () => Promise<void>;
};

export function openDirect(url: string): Direct {
	const client = postgres(url, { max: POOL, onnotice: () => {} });
	let capturing: Captured[] | undefined;
	const logger = {
		logQuery: (query: string, params: unknown[]) =>
			void capturing?.push({ query, params: params as Captured['params'] })
	};
	const db = drizzle({ client, schema, logger }) as unknown as Database;
	return {
		db,
		async availabilityQueries(windows) {
			const found: Captured[] = [];
			const { inventory } = await catalogueSnapshot(db);
			for (const window of windows) {
				capturing = [];
				await busyInDatabase(db, window, inventory);
				const query = capturing.find((candidate) => candidate.query.includes('booking_unit'));
				if (!query) throw new Error('busyInDatabase sent no query reading booking_unit');
				found.push(query);
			}
			capturing = undefined;
			return found;
		},
		replay: ({ query, params }) => client.unsafe(query, params),
		async explain(queries) {
			const milliseconds: number[] = [];
			let slowest = { time: -1, plan: '' };
			for (const { query, params } of queries) {
				const rows = await client.unsafe<{ 'QUERY PLAN': string }[]>(
					`explain (analyze, buffers) ${query}`,
					params
				);
				const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
				const time = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? Number.NaN);
				milliseconds.push(time);
				if (time > slowest.time) slowest = { time, plan };
			}
			return { milliseconds: milliseconds.sort((a, b) => a - b), slowest: slowest.plan };
		},
		close: () => client.end({ timeout: 5 })
	};
}

export function catalogueDirect(direct: Direct, windows: Window[], seconds: number, concurrency: number) {
	return runConcurrent('catalogueJson() in-process', { concurrency, seconds }, async (index) => {
		await catalogueJson(direct.db, windows[index % windows.length] as Window, 'fr');
		return 200;
	});
}

/** The same answers worked out every time, as for a question nobody asked since the last change. */
export function catalogueAfresh(direct: Direct, windows: Window[], seconds: number, concurrency: number) {
	return runConcurrent('same, worked out afresh', { concurrency, seconds }, async (index) => {
		encodeCatalogue(await listCatalogue(direct.db, windows[index % windows.length] as Window), 'fr');
		return 200;
	});
}

export function availabilityDirect(
	direct: Direct,
	queries: Captured[],
	seconds: number,
	concurrency: number
) {
	return runConcurrent('its availability SQL alone', { concurrency, seconds }, async (index) => {
		await direct.replay(queries[index % queries.length] as Captured);
		return 200;
	});
}

function benchContext(): LendingContext {
	return {
		timeZone: TIME_ZONE,
		activeBookingLimit: 3,
		origin: 'http://127.0.0.1',
		mailer: { mode: 'keep' as const, nudge: () => {} },
		now: () => new Date(),
		unitsReleased: () => {},
		// Bookings take no photos; the store is there because the context names one.
		media: { storage: localStorage(join(tmpdir(), 'commons-perf-media')), photoMaxBytes: 1 }
	};
}

const statusOf = (problem: unknown): number => {
	if (problem instanceof InvalidInput) return 422;
	if (problem instanceof NotSignedIn) return 401;
	if (problem instanceof Refused) return problem.status;
	if (problem instanceof DomainError) return 403;
	return 500;
};

/**
 * Bookings made and cancelled at a steady pace while the catalogue is measured: each one changes
 * the holds every instance keeps, so answers already written must be worked out again.
 */
export function bookingChurn(
	direct: Direct,
	residents: { id: string }[],
	requests: BookingRequest[],
	writesPerSecond: number
) {
	const context = benchContext();
	let stopped = false;
	let writes = 0;
	let refused = 0;
	const loop = (async () => {
		for (let index = 0; !stopped && index < requests.length; index += 1) {
			const actor = {
				userId: (residents[index % residents.length] as { id: string }).id,
				roles: new Set(['resident'] as const)
			};
			try {
				const made = await createBooking(direct.db, actor, requests[index], context);
				writes += 1;
				await pause(1000 / writesPerSecond);
				await cancelBooking(direct.db, actor, made.id, context);
				writes += 1;
			} catch (problem) {
				if (statusOf(problem) === 500) throw problem;
				refused += 1;
			}
			await pause(1000 / writesPerSecond);
		}
	})();
	return async () => {
		stopped = true;
		await loop;
		return { writes, refused };
	};
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Resident `index % n` makes booking `index`: every resident books in turn, up to the limit. */
export async function bookingsDirect(
	direct: Direct,
	residents: { id: string }[],
	requests: BookingRequest[],
	concurrency: number
): Promise<Summary> {
	const context = benchContext();
	let firstFailure: unknown;
	const summary = await runConcurrent(
		'createBooking() in-process',
		{ concurrency, amount: requests.length },
		async (index) => {
			const resident = residents[index % residents.length] as { id: string };
			try {
				await createBooking(
					direct.db,
					{ userId: resident.id, roles: new Set(['resident']) },
					requests[index],
					context
				);
				return 201;
			} catch (problem) {
				if (statusOf(problem) === 500) firstFailure ??= problem;
				return statusOf(problem);
			}
		}
	);
	if (firstFailure) console.error('first unexpected failure:', firstFailure);
	return summary;
}
