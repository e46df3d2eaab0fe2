import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotSignedIn } from '../../src/lib/server/errors';
import { assetLink, labelSheet, MAX_LABELS } from '../../src/lib/server/lending/inventory/labels';
import { listUnits } from '../../src/lib/server/lending/inventory/units';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';
import { refusal } from './refusal';

for (const backend of backends()) {
	describe(`QR labels for units on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
		});
		afterAll(() => database.close());

		it('lists units by site and model, and prints a label per chosen unit', async () => {
			const zooms = await listUnits(database.db, desk.actor, { site: 'capucins', model: 'zoom-h5' });
			expect(zooms.units.map((unit) => unit.assetTag)).toEqual([
				'BRE-ZH5-CAP-01',
				'BRE-ZH5-CAP-02',
				'BRE-ZH5-CAP-03'
			]);
			const labels = await labelSheet(
				database.db,
				desk.actor,
				{ unit: zooms.units.slice(0, 2).map((unit) => unit.id) },
				'https://portail.example'
			);
			expect(labels.map((label) => [label.assetTag, label.model.name.en])).toEqual([
				['BRE-ZH5-CAP-01', 'Zoom H5 recorder'],
				['BRE-ZH5-CAP-02', 'Zoom H5 recorder']
			]);
			expect(labels[0]?.qr).toMatch(/^data:image\/svg\+xml;base64,/);
			const svg = Buffer.from(labels[0]?.qr.split(',')[1] ?? '', 'base64').toString();
			expect(svg).toContain('<svg');
			expect(assetLink('BRE-ZH5-CAP-01', 'https://portail.example')).toBe(
				'https://portail.example/admin/desk?tag=BRE-ZH5-CAP-01'
			);
		});

		it('refuses an empty or oversized selection, and anyone but desk staff and admins', async () => {
			const none = await refusal(
				labelSheet(database.db, desk.actor, { unit: [] }, 'https://portail.example')
			);
			expect(none).toBeInstanceOf(InvalidInput);
			const tooMany = Array.from({ length: MAX_LABELS + 1 }, () => crypto.randomUUID());
			expect(await refusal(labelSheet(database.db, desk.actor, { unit: tooMany }, 'x'))).toBeInstanceOf(
				InvalidInput
			);
			expect(await refusal(labelSheet(database.db, desk.actor, { unit: ['not-an-id'] }, 'x'))).toBeInstanceOf(
				InvalidInput
			);
			expect(await refusal(listUnits(database.db, null, {}))).toBeInstanceOf(NotSignedIn);
			for (const roles of [[], ['moderator', 'reviewer']] as const) {
				const someone = await createPerson(database.db, { roles: [...roles] });
				expect(await refusal(listUnits(database.db, someone.actor, {}))).toBeInstanceOf(Forbidden);
				expect(
					await refusal(labelSheet(database.db, someone.actor, { unit: [desk.id] }, 'x'))
				).toBeInstanceOf(Forbidden);
			}
		});
	});
}
