import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, equipmentModel } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { getEquipmentDetail } from '../../src/lib/server/lending/detail';
import { addModelPhoto, removeModelPhoto } from '../../src/lib/server/lending/inventory/model-photos';
import {
	createModel,
	getModelForEdit,
	listModels,
	updateModel
} from '../../src/lib/server/lending/inventory/models';
import { readPublicMedia } from '../../src/lib/server/media/public';
import { backends, type TestDatabase } from './database';
import { lendingContext, NOW, PARIS } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const newModel = {
	slug: 'Zoom-H6',
	nameFr: 'Enregistreur Zoom H6',
	nameEn: 'Zoom H6 recorder',
	descriptionFr: 'Six pistes, pour les interviews à plusieurs.',
	descriptionEn: '',
	inTheBoxFr: 'Enregistreur, deux capsules, carte SD.',
	category: 'sound',
	maxLoanDays: '5',
	maxAdvanceDays: '30',
	bufferMinutes: '30',
	approvalRequired: 'on',
	requiredModule: ''
};

for (const backend of backends()) {
	describe(`models in the inventory on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		const { media } = lendingContext();
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
		});
		afterAll(() => database.close());

		const auditsOf = async (slug: string) =>
			(await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, slug))).map(
				(event) => event.action
			);

		it('adds a model with its French and English content and its lending terms', async () => {
			const categories = (await getModelForEdit(database.db, desk.actor, 'zoom-h5')).categories;
			expect(categories.map((category) => category.slug)).toContain(newModel.category);
			expect(await createModel(database.db, desk.actor, newModel)).toBe('zoom-h6');
			const [row] = await database.db.select().from(equipmentModel).where(eq(equipmentModel.slug, 'zoom-h6'));
			expect(row).toMatchObject({
				name: { fr: 'Enregistreur Zoom H6', en: 'Zoom H6 recorder' },
				description: { fr: 'Six pistes, pour les interviews à plusieurs.' },
				maxLoanDays: 5,
				maxAdvanceDays: 30,
				bufferMinutes: 30,
				approvalRequired: true,
				requiredModuleId: null
			});
			expect(await auditsOf('zoom-h6')).toEqual(['model.create']);
			const listed = (await listModels(database.db, desk.actor)).find((model) => model.slug === 'zoom-h6');
			expect(listed).toMatchObject({ inService: 0, units: 0 });
		});

		it('explains each bad field in the person’s language and saves nothing', async () => {
			const problem = await refusal(
				createModel(database.db, desk.actor, {
					...newModel,
					slug: 'new',
					nameFr: ' ',
					maxLoanDays: '0',
					bufferMinutes: 'beaucoup',
					category: 'spaceships'
				})
			);
			expect((problem as InvalidInput).issues.map((issue) => issue.path).sort()).toEqual([
				'bufferMinutes',
				'maxLoanDays',
				'nameFr',
				'slug'
			]);
			const taken = await refusal(createModel(database.db, desk.actor, { ...newModel, slug: 'zoom-h5' }));
			expect((taken as InvalidInput).issues.map((issue) => issue.path)).toEqual(['slug']);
			const badCategory = await refusal(
				createModel(database.db, desk.actor, { ...newModel, slug: 'x1', category: 'spaceships' })
			);
			expect((badCategory as InvalidInput).issues.map((issue) => issue.path)).toEqual(['category']);
			expect(await database.db.select().from(equipmentModel).where(eq(equipmentModel.slug, 'x1'))).toEqual(
				[]
			);
		});

		it('changes the terms and the training, audits only what changed, and the public page follows', async () => {
			const before = await getModelForEdit(database.db, desk.actor, 'zoom-h5');
			await updateModel(database.db, desk.actor, 'zoom-h5', {
				...before.fields,
				maxLoanDays: '3',
				approvalRequired: before.fields.approvalRequired ? 'on' : '',
				requiredModule: 'camera-basics'
			});
			const [event] = await database.db
				.select()
				.from(auditEvent)
				.where(eq(auditEvent.action, 'model.update'));
			expect(Object.keys(event?.after as object).sort()).toEqual(['maxLoanDays', 'requiredModuleId']);
			expect((await getModelForEdit(database.db, desk.actor, 'zoom-h5')).fields).toMatchObject({
				maxLoanDays: 3,
				requiredModule: 'camera-basics'
			});
			const detail = await getEquipmentDetail(database.db, 'zoom-h5', { timeZone: PARIS, now: NOW });
			expect(detail.policy).toMatchObject({ maxLoanDays: 3 });
			expect(detail.requiredModules.map((module) => module.slug)).toEqual(['camera-basics']);
			expect(
				await refusal(updateModel(database.db, desk.actor, 'nothing-here', before.fields))
			).toBeInstanceOf(NotFound);
		});

		it('adds a photo anyone can see and removes it again, file included', async () => {
			await addModelPhoto(
				database.db,
				desk.actor,
				'zoom-h6',
				{ photo: PNG, altFr: 'Le Zoom H6 posé sur une table' },
				media
			);
			const [row] = await database.db.select().from(equipmentModel).where(eq(equipmentModel.slug, 'zoom-h6'));
			const photo = row?.photos[0];
			expect(photo?.src).toMatch(/^\/media\/models\/[0-9a-f-]{36}\.png$/);
			const key = photo?.src.slice('/media/'.length) ?? '';
			expect((await readPublicMedia(media.storage, key)).mime).toBe('image/png');
			// A photo taken at the desk is there, but never public.
			const deskPhoto = await media.storage.put('handovers', PNG, 'png');
			expect(await refusal(readPublicMedia(media.storage, deskPhoto))).toBeInstanceOf(NotFound);
			const noAlt = await refusal(
				addModelPhoto(database.db, desk.actor, 'zoom-h6', { photo: PNG, altFr: '' }, media)
			);
			expect((noAlt as InvalidInput).issues.map((issue) => issue.path)).toEqual(['altFr']);
			await removeModelPhoto(database.db, desk.actor, 'zoom-h6', photo?.src ?? '', media);
			expect(await media.storage.get(key)).toBeNull();
			expect(await auditsOf('zoom-h6')).toEqual(['model.create', 'model.photo_add', 'model.photo_remove']);
		});

		it('is for desk staff and admins only', async () => {
			expect(await refusal(listModels(database.db, null))).toBeInstanceOf(NotSignedIn);
			for (const roles of [[], ['moderator', 'reviewer']] as const) {
				const someone = await createPerson(database.db, { roles: [...roles] });
				for (const attempt of [
					listModels(database.db, someone.actor),
					getModelForEdit(database.db, someone.actor, 'zoom-h5'),
					createModel(database.db, someone.actor, { ...newModel, slug: 'zoom-h7' }),
					updateModel(database.db, someone.actor, 'zoom-h5', newModel),
					addModelPhoto(database.db, someone.actor, 'zoom-h5', { photo: PNG, altFr: 'x' }, media),
					removeModelPhoto(database.db, someone.actor, 'zoom-h5', '/media/x', media)
				]) {
					expect(await refusal(attempt)).toBeInstanceOf(Forbidden);
				}
			}
		});
	});
}
