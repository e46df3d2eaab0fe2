import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { booking, bookingUnit, equipmentModel, equipmentUnit } from '../../src/lib/server/db/schema';
import { rowsOf } from '../../src/lib/server/db/rows';
import { seedDemo } from '../../src/lib/server/db/seed';
import { busyInDatabase, busyInMemory, type Period } from '../../src/lib/server/lending/busy-units';
import { listCatalogue } from '../../src/lib/server/lending/catalogue';
import { catalogueJson } from '../../src/lib/server/lending/catalogue-api';
import { catalogueSnapshot, type CatalogueSnapshot } from '../../src/lib/server/lending/catalogue-memory';
import { newBookingCode } from '../../src/lib/server/lending/booking-code';
import { cellOf } from '../../src/lib/server/lending/inventory';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';

const HOUR = 3_600_000;
/** Whole hours from the next UTC midnight: always ahead of the wall clock, as kept holds are. */
const ahead = (hours: number) => {
	const midnight = new Date();
	midnight.setUTCHours(24, 0, 0, 0);
	return new Date(midnight.getTime() + hours * HOUR);
};

type Unit = { id: string; modelId: string; siteId: string; slug: string; bufferMinutes: number };

async function unitsOf(db: Database): Promise<Unit[]> {
	return db
		.select({
			id: equipmentUnit.id,
			modelId: equipmentUnit.modelId,
			siteId: equipmentUnit.siteId,
			slug: equipmentModel.slug,
			bufferMinutes: equipmentModel.bufferMinutes
		})
		.from(equipmentUnit)
		.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
		.where(eq(equipmentUnit.status, 'in_service'))
		.orderBy(equipmentUnit.assetTag);
}

/** A confirmed booking of one unit, written as the database would hold it, rules aside. */
async function hold(db: Database, userId: string, unit: Unit, startsAt: Date, endsAt: Date) {
	return db.transaction(async (tx) => {
		const [made] = await tx
			.insert(booking)
			.values({
				code: newBookingCode(),
				userId,
				modelId: unit.modelId,
				siteId: unit.siteId,
				startsAt,
				endsAt,
				status: 'confirmed'
			})
			.returning({ id: booking.id });
		const bookingId = (made as { id: string }).id;
		const blockedUntil = new Date(endsAt.getTime() + unit.bufferMinutes * 60_000);
		await tx.insert(bookingUnit).values({ bookingId, unitId: unit.id, startsAt, blockedUntil });
		return bookingId;
	});
}

/**
 * Books while `reader` is refreshing its catalogue from a read taken before the booking: a table
 * it reads next is locked until the booking is made and the catalogue asked for again, then the
 * second ask is answered (it must include the booking).
 */
async function bookWhileRefreshing(url: string, reader: Database, book: () => Promise<string>) {
	const locker = postgres(url, { max: 1, onnotice: () => {} });
	try {
		// A changed inventory makes the next refresh reload: holds first, then the kit items (which a booking does not touch).
		await reader.execute(sql`update kit_item set quantity = quantity where false`);
		let release = () => {};
		const released = new Promise<void>((resolve) => (release = resolve));
		let locked = () => {};
		const isLocked = new Promise<void>((resolve) => (locked = resolve));
		const transaction = locker.begin(async (tx) => {
			await tx`lock table kit_item in access exclusive mode`;
			locked();
			await released;
		});
		await isLocked;
		const under = catalogueSnapshot(reader);
		for (let tries = 0; tries < 200; tries += 1) {
			const rows = rowsOf<{ n: number }>(
				await reader.execute(
					sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`
				)
			);
			if ((rows[0]?.n ?? 0) > 0) break;
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		const id = await book();
		const after = catalogueSnapshot(reader);
		release();
		await transaction;
		await under;
		return { id, after: await after };
	} finally {
		await locker.end();
	}
}

const windows: Period[] = Array.from({ length: 48 }, (_, index) => ({
	from: ahead(index * 5),
	to: ahead(index * 5 + 1 + (index % 4))
}));

/** Compares every window, and says how many busy units they count in all. */
async function expectMemoryToMatchDatabase(db: Database) {
	const snapshot = await catalogueSnapshot(db);
	let counted = 0;
	for (const window of windows) {
		const fromDatabase = await busyInDatabase(db, window, snapshot.inventory);
		expect(busyInMemory(snapshot, window), window.from.toISOString()).toEqual(fromDatabase);
		counted += fromDatabase.reduce((sum, busy) => sum + busy, 0);
	}
	return counted;
}

for (const backend of backends()) {
	describe(`the catalogue kept in memory on ${backend.name}`, () => {
		let database: TestDatabase;
		let units: Unit[];
		let userId: string;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			units = await unitsOf(database.db);
			userId = (await createPerson(database.db)).id;
		});
		afterAll(() => database.close());

		it('answers what the database answers through bookings, cancellations, moves and deletions', async () => {
			expect(await expectMemoryToMatchDatabase(database.db)).toBe(0);
			const made: string[] = [];
			for (const [index, unit] of units.slice(0, 12).entries()) {
				for (let slot = 0; slot < 6; slot += 1) {
					const start = ahead(index * 3 + slot * 40);
					made.push(await hold(database.db, userId, unit, start, new Date(start.getTime() + 3 * HOUR)));
				}
			}
			const counted = await expectMemoryToMatchDatabase(database.db);
			expect(counted).toBeGreaterThan(20);
			for (const id of made.filter((_, index) => index % 5 === 0)) {
				await database.db.update(booking).set({ status: 'cancelled' }).where(eq(booking.id, id));
			}
			expect(await expectMemoryToMatchDatabase(database.db)).toBeLessThan(counted);
			const moved = made[1] as string;
			await database.db
				.update(bookingUnit)
				.set({ startsAt: ahead(225), blockedUntil: ahead(228) })
				.where(eq(bookingUnit.bookingId, moved));
			await expectMemoryToMatchDatabase(database.db);
			await database.db.delete(booking).where(eq(booking.id, made[2] as string));
			await expectMemoryToMatchDatabase(database.db);
		});

		it('asks the database about windows older than the holds it keeps', async () => {
			const unit = units[30] as Unit;
			const start = new Date(Date.now() - 72 * HOUR);
			await hold(database.db, userId, unit, start, new Date(start.getTime() + 2 * HOUR));
			const window = { from: new Date(start.getTime() + HOUR), to: new Date(start.getTime() + 90 * 60_000) };
			const snapshot = await catalogueSnapshot(database.db);
			expect(window.from.getTime()).toBeLessThan(snapshot.holds.keptSince);
			const listed = await listCatalogue(database.db, window);
			const entry = listed.find((found) => found.kind === 'model' && found.slug === unit.slug);
			expect(entry?.available).toBe((entry?.total ?? 0) - 1);
		});

		it('answers the API again only where a booking could change the answer', async () => {
			const unit = units.at(-2) as Unit;
			const near = { from: ahead(400), to: ahead(402) };
			const far = { from: ahead(500), to: ahead(502) };
			const ask = (window: Period) => catalogueJson(database.db, window, 'en');
			const availableIn = (answer: Uint8Array) =>
				(JSON.parse(new TextDecoder().decode(answer)) as { slug: string; available: number }[]).find(
					(entry) => entry.slug === unit.slug
				)?.available;
			const [nearBefore, farBefore] = [await ask(near), await ask(far)];
			expect(await ask(near)).toBe(nearBefore);
			const id = await hold(database.db, userId, unit, ahead(401), ahead(403));
			const nearAfter = await ask(near);
			expect(availableIn(nearAfter)).toBe((availableIn(nearBefore) ?? 0) - 1);
			expect(await ask(far)).toBe(farBefore);
			await database.db.update(booking).set({ status: 'cancelled' }).where(eq(booking.id, id));
			expect(availableIn(await ask(near))).toBe(availableIn(nearBefore));
			expect(await ask(far)).toBe(farBefore);
		});

		// Two instances need two connections to one server: PGlite has one.
		if (backend.name === 'postgres')
			it('shows a write made through another instance at once, even with a refresh under way', async () => {
				const other = await openDatabase({ url: database.url as string });
				try {
					const unit = units[20] as Unit;
					const window = { from: ahead(300), to: ahead(302) };
					const busyIn = (snapshot: CatalogueSnapshot) => {
						const { modelIndex, siteIndex, sites } = snapshot.inventory;
						const cell = cellOf(
							modelIndex.get(unit.modelId) ?? -1,
							siteIndex.get(unit.siteId) ?? -1,
							sites.length
						);
						return busyInMemory(snapshot, window)[cell];
					};
					const busyAt = async (db: Database) => busyIn(await catalogueSnapshot(db));
					expect(await busyAt(other.db)).toBe(0);
					expect(await busyAt(database.db)).toBe(0);
					const { id, after } = await bookWhileRefreshing(database.url as string, other.db, () =>
						hold(database.db, userId, unit, ahead(299), ahead(301))
					);
					expect(busyIn(after)).toBe(1);
					expect(await busyAt(other.db)).toBe(1);
					await other.db.update(booking).set({ status: 'cancelled' }).where(eq(booking.id, id));
					expect(await busyAt(database.db)).toBe(0);
					const again = await hold(other.db, userId, unit, ahead(299), ahead(301));
					expect(await busyAt(database.db)).toBe(1);
					await other.db.delete(booking).where(eq(booking.id, again));
					expect(await busyAt(database.db)).toBe(0);
				} finally {
					await other.close();
				}
			});
	});
}
