import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/db/seed';
import { equipmentUnit } from '../../src/lib/server/db/schema';
import { listCatalogue } from '../../src/lib/server/lending/catalogue';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';

for (const backend of backends()) {
	describe(`the catalogue on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		const entry = async (slug: string, filters = {}) =>
			(await listCatalogue(database.db, filters)).find((found) => found.slug === slug);

		it('finds models whatever the accents and case, in both languages, and filters by category and site', async () => {
			expect((await listCatalogue(database.db, { q: 'videoprojecteur' })).map((found) => found.slug)).toEqual(
				['epson-projector']
			);
			expect((await listCatalogue(database.db, { q: 'TRIPOD' })).map((found) => found.slug)).toEqual([
				'manfrotto-tripod'
			]);
			const atBellevue = await listCatalogue(database.db, { site: 'bellevue' });
			expect(atBellevue.every((found) => found.sites.every((place) => place.slug === 'bellevue'))).toBe(true);
			expect(atBellevue.map((found) => found.slug)).toContain('gazebo-3x3');
			expect(atBellevue.map((found) => found.slug)).not.toContain('podcast-kit');
			const sound = await listCatalogue(database.db, { category: 'sound' });
			expect(sound.map((found) => found.slug).sort()).toEqual(
				['ath-m50x', 'podcast-kit', 'rode-ntg4-plus', 'roland-cs-10em', 'zoom-h5'].sort()
			);
		});

		it('says what is free between two times across every site, buffers included', async () => {
			const period = {
				from: new Date(paris('2026-12-01', '14:00')),
				to: new Date(paris('2026-12-01', '16:00'))
			};
			expect(await entry('zoom-h5', period)).toMatchObject({ total: 6, available: 6 });
			await createBooking(
				database.db,
				(await createPerson(database.db)).actor,
				{
					equipment: 'zoom-h5',
					site: 'saint-martin',
					start: paris('2026-12-01', '10:00'),
					end: paris('2026-12-01', '14:00')
				},
				lendingContext()
			);
			// Returned at 14:00, the Saint-Martin unit is still in its hour of turnaround.
			const zoom = await entry('zoom-h5', period);
			expect(zoom).toMatchObject({ total: 6, available: 5 });
			expect(zoom?.sites.find((place) => place.slug === 'saint-martin')).toMatchObject({
				total: 1,
				available: 0
			});
			const later = {
				from: new Date(paris('2026-12-01', '15:00')),
				to: new Date(paris('2026-12-01', '16:00'))
			};
			expect(await entry('zoom-h5', later)).toMatchObject({ available: 6 });
			expect(await entry('zoom-h5')).toMatchObject({ total: 6, available: null });
		});

		it('counts whole kits, and shows an inventory change at once', async () => {
			const period = {
				from: new Date(paris('2026-12-08', '10:00')),
				to: new Date(paris('2026-12-08', '12:00'))
			};
			expect(await entry('podcast-kit', period)).toMatchObject({ total: 2, available: 2 });
			await database.db
				.update(equipmentUnit)
				.set({ status: 'out_of_service' })
				.where(eq(equipmentUnit.assetTag, 'BRE-NTG4-CAP-01'));
			expect(await entry('podcast-kit', period)).toMatchObject({ total: 1, available: 1 });
			expect(await entry('rode-ntg4-plus')).toMatchObject({ total: 3 });
			await database.db
				.update(equipmentUnit)
				.set({ status: 'in_service' })
				.where(eq(equipmentUnit.assetTag, 'BRE-NTG4-CAP-01'));
			expect(await entry('rode-ntg4-plus')).toMatchObject({ total: 4 });
		});
	});
}
