import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, equipmentCategory } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, Refused } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import {
	createCategory,
	listCategories,
	updateCategory
} from '../../src/lib/server/lending/inventory/categories';
import { createKit, getKitForEdit, listKits, updateKit } from '../../src/lib/server/lending/inventory/kits';
import { createModel } from '../../src/lib/server/lending/inventory/models';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

const lightKit = {
	slug: 'kit-lumiere',
	site: 'capucins',
	nameFr: 'Kit lumière',
	descriptionFr: 'Deux panneaux LED pour un entretien filmé.',
	'item.0.model': 'led-panel-pair',
	'item.0.quantity': '2'
};

for (const backend of backends()) {
	describe(`kits and categories in the inventory on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		const context = lendingContext();
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
		});
		afterAll(() => database.close());

		const actionsOn = async (subject: string) =>
			(await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, subject))).map(
				(event) => event.action
			);

		it('adds and renames a category, explaining a bad position', async () => {
			await createCategory(database.db, desk.actor, { slug: 'Ateliers', nameFr: 'Ateliers', position: '70' });
			await updateCategory(database.db, desk.actor, 'ateliers', {
				nameFr: 'Ateliers',
				nameEn: 'Workshops',
				position: '0'
			});
			const [row] = await database.db
				.select()
				.from(equipmentCategory)
				.where(eq(equipmentCategory.slug, 'ateliers'));
			expect(row).toMatchObject({ name: { fr: 'Ateliers', en: 'Workshops' }, position: 0 });
			expect((await listCategories(database.db, desk.actor))[0]?.slug).toBe('ateliers');
			const bad = await refusal(
				updateCategory(database.db, desk.actor, 'ateliers', { nameFr: 'Ateliers', position: '-1' })
			);
			expect((bad as InvalidInput).issues.map((issue) => issue.path)).toEqual(['position']);
			// Saved again as it is: nothing to audit.
			await updateCategory(database.db, desk.actor, 'ateliers', {
				nameFr: 'Ateliers',
				nameEn: 'Workshops',
				position: '0'
			});
			expect(await actionsOn('ateliers')).toEqual(['category.create', 'category.update']);
		});

		it('adds a kit that residents can then book, and edits its lines', async () => {
			const lights = await getKitForEdit(database.db, desk.actor, 'podcast-kit');
			expect(lights.models.map((model) => model.slug)).toContain('led-panel-pair');
			expect(await createKit(database.db, desk.actor, lightKit)).toBe('kit-lumiere');
			const listed = (await listKits(database.db, desk.actor)).find((entry) => entry.slug === 'kit-lumiere');
			expect(listed?.items.map((item) => [item.model.fr, item.quantity])).toEqual([
				[expect.stringContaining('panneaux LED'), 2]
			]);
			await updateKit(
				database.db,
				desk.actor,
				'kit-lumiere',
				{ ...lightKit, 'item.0.quantity': '1', 'item.1.model': 'manfrotto-tripod' },
				context
			);
			const edited = await getKitForEdit(database.db, desk.actor, 'kit-lumiere');
			expect(edited.fields).toMatchObject({ 'item.0.quantity': '1', 'item.1.model': 'manfrotto-tripod' });
			// Saved again unchanged, its lines in another order: nothing to change, nothing audited.
			await updateKit(
				database.db,
				desk.actor,
				'kit-lumiere',
				{
					...lightKit,
					'item.0.model': 'manfrotto-tripod',
					'item.0.quantity': '1',
					'item.1.model': 'led-panel-pair',
					'item.1.quantity': '1'
				},
				context
			);
			expect(await actionsOn('kit-lumiere')).toEqual(['kit.create', 'kit.update']);
		});

		it('never gives a kit a model’s address, nor a model a kit’s: both live under /equipment/', async () => {
			const taken = await refusal(createKit(database.db, desk.actor, { ...lightKit, slug: 'zoom-h5' }));
			expect((taken as InvalidInput).issues.map((issue) => issue.path)).toEqual(['slug']);
			const model = await refusal(
				createModel(database.db, desk.actor, {
					slug: 'podcast-kit',
					nameFr: 'Faux',
					descriptionFr: 'Faux',
					category: 'sound',
					maxLoanDays: '7',
					maxAdvanceDays: '60',
					bufferMinutes: '60'
				})
			);
			expect((model as InvalidInput).issues.map((issue) => issue.path)).toEqual(['slug']);
		});

		it('explains empty, doubled and oversized lines; a kit booked ahead stays at its site', async () => {
			const empty = await refusal(
				createKit(database.db, desk.actor, { ...lightKit, slug: 'vide', 'item.0.model': '' })
			);
			expect((empty as InvalidInput).issues.map((issue) => issue.path)).toEqual(['item.0.model']);
			const doubled = await refusal(
				createKit(database.db, desk.actor, {
					...lightKit,
					slug: 'double',
					'item.1.model': 'led-panel-pair',
					'item.2.model': 'zoom-h5',
					'item.2.quantity': '30'
				})
			);
			expect((doubled as InvalidInput).issues.map((issue) => issue.path)).toEqual([
				'item.1.model',
				'item.2.quantity'
			]);
			const person = await createPerson(database.db);
			await createBooking(
				database.db,
				person.actor,
				{
					equipment: 'podcast-kit',
					site: 'capucins',
					start: paris('2026-11-25', '10:00'),
					end: paris('2026-11-25', '12:00')
				},
				context
			);
			const podcast = await getKitForEdit(database.db, desk.actor, 'podcast-kit');
			const moved = await refusal(
				updateKit(database.db, desk.actor, 'podcast-kit', { ...podcast.fields, site: 'bellevue' }, context)
			);
			expect((moved as Refused).code).toBe('kit_has_bookings');
			expect((await getKitForEdit(database.db, desk.actor, 'podcast-kit')).fields.site).toBe('capucins');
		});

		it('is for desk staff and admins only', async () => {
			for (const roles of [[], ['moderator', 'reviewer']] as const) {
				const someone = await createPerson(database.db, { roles: [...roles] });
				for (const attempt of [
					listCategories(database.db, someone.actor),
					createCategory(database.db, someone.actor, { slug: 'x', nameFr: 'x', position: '1' }),
					updateCategory(database.db, someone.actor, 'sound', { nameFr: 'x', position: '1' }),
					listKits(database.db, someone.actor),
					getKitForEdit(database.db, someone.actor, 'podcast-kit'),
					createKit(database.db, someone.actor, { ...lightKit, slug: 'kit-x' }),
					updateKit(database.db, someone.actor, 'podcast-kit', lightKit, context)
				]) {
					expect(await refusal(attempt)).toBeInstanceOf(Forbidden);
				}
			}
		});
	});
}
