import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, booking, bookingUnit, equipmentUnit } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { createUnit, getUnit, listUnits, updateUnit } from '../../src/lib/server/lending/inventory/units';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

for (const backend of backends()) {
	describe(`units in the inventory on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		const context = lendingContext();
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
		});
		afterAll(() => database.close());

		const unitTagged = async (tag: string) =>
			(await database.db.select().from(equipmentUnit).where(eq(equipmentUnit.assetTag, tag)))[0];
		const auditsOf = async (id: string) =>
			(await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, id))).map(
				(event) => event.action
			);

		it('adds a unit in service, its tag written in capitals, and audits it', async () => {
			const released = context.released;
			const id = await createUnit(
				database.db,
				desk.actor,
				{ model: 'zoom-h5', site: 'bellevue', assetTag: ' bre-zh5-bel-09 ', serialNumber: 'H5-778' },
				context
			);
			expect(await unitTagged('BRE-ZH5-BEL-09')).toMatchObject({
				id,
				status: 'in_service',
				serialNumber: 'H5-778'
			});
			expect(await auditsOf(id)).toEqual(['unit.create']);
			expect(context.released).toBe(released + 1);
			const listed = await listUnits(database.db, desk.actor, { site: 'bellevue', model: 'zoom-h5' });
			expect(listed.units.map((unit) => unit.assetTag)).toContain('BRE-ZH5-BEL-09');
			expect(
				listed.units.every((unit) => unit.site.slug === 'bellevue' && unit.model.slug === 'zoom-h5')
			).toBe(true);
			expect((await listUnits(database.db, desk.actor, { q: 'h5-77' })).units.map((unit) => unit.id)).toEqual(
				[id]
			);
		});

		it('explains a taken or malformed tag and an unknown model, writing nothing', async () => {
			const taken = await refusal(
				createUnit(
					database.db,
					desk.actor,
					{ model: 'zoom-h5', site: 'capucins', assetTag: 'BRE-ZH5-CAP-01' },
					context
				)
			);
			expect((taken as InvalidInput).issues.map((issue) => issue.path)).toEqual(['assetTag']);
			const malformed = await refusal(
				createUnit(database.db, desk.actor, { model: 'zoom-h5', site: 'capucins', assetTag: 'a b' }, context)
			);
			expect((malformed as InvalidInput).issues.map((issue) => issue.path)).toEqual(['assetTag']);
			const unknown = await refusal(
				createUnit(
					database.db,
					desk.actor,
					{ model: 'theremin', site: 'capucins', assetTag: 'BRE-THR-CAP-01' },
					context
				)
			);
			expect((unknown as InvalidInput).issues.map((issue) => issue.path)).toEqual(['model']);
			expect(await unitTagged('BRE-THR-CAP-01')).toBeUndefined();
		});

		it('taking a unit out of service moves the booking ahead that held it, and back in service frees it', async () => {
			const person = await createPerson(database.db);
			const made = await createBooking(
				database.db,
				person.actor,
				{
					equipment: 'zoom-h5',
					site: 'capucins',
					start: paris('2026-11-25', '10:00'),
					end: paris('2026-11-25', '12:00')
				},
				context
			);
			const [hold] = await database.db.select().from(bookingUnit).where(eq(bookingUnit.bookingId, made.id));
			const held = (await getUnit(database.db, desk.actor, hold?.unitId ?? '')).unit;
			expect(
				(
					(await refusal(
						updateUnit(
							database.db,
							desk.actor,
							{ id: held.id, site: 'bellevue', status: 'in_service' },
							context
						)
					)) as Refused
				).code
			).toBe('unit_has_bookings');
			const outcome = await updateUnit(
				database.db,
				desk.actor,
				{ id: held.id, site: 'capucins', status: 'out_of_service', notes: 'Écran fêlé' },
				context
			);
			expect(outcome).toEqual({ moved: 1, flagged: 0 });
			const [moved] = await database.db.select().from(bookingUnit).where(eq(bookingUnit.bookingId, made.id));
			expect(moved?.unitId).not.toBe(held.id);
			expect(await auditsOf(held.id)).toEqual(expect.arrayContaining(['unit.update', 'unit.out_of_service']));
			const history = await getUnit(database.db, desk.actor, held.id);
			expect(history.unit).toMatchObject({ status: 'out_of_service', notes: 'Écran fêlé' });
			expect(history.loans.map((loan) => loan.id)).not.toContain(made.id);
			expect(history.changes.map((change) => change.action)).toEqual(
				expect.arrayContaining(['unit.update', 'unit.out_of_service'])
			);

			// Nothing holds it now: it can move, and come back in service there.
			await updateUnit(
				database.db,
				desk.actor,
				{ id: held.id, site: 'bellevue', status: 'in_service', notes: '' },
				context
			);
			expect(await unitTagged(held.assetTag)).toMatchObject({ status: 'in_service', notes: null });
			const [still] = await database.db
				.select()
				.from(booking)
				.where(and(eq(booking.id, made.id)));
			expect(still?.status).toBe('confirmed');
		});

		it('retiring a unit audits it as such; nothing changes for anyone but desk staff and admins', async () => {
			const unit = await unitTagged('BRE-ZH5-BEL-09');
			await updateUnit(
				database.db,
				desk.actor,
				{ id: unit?.id, site: 'bellevue', status: 'retired' },
				context
			);
			expect(await auditsOf(unit?.id ?? '')).toContain('unit.retire');
			expect(await refusal(listUnits(database.db, null, {}))).toBeInstanceOf(NotSignedIn);
			for (const roles of [[], ['moderator', 'reviewer']] as const) {
				const someone = await createPerson(database.db, { roles: [...roles] });
				for (const attempt of [
					listUnits(database.db, someone.actor, {}),
					getUnit(database.db, someone.actor, unit?.id ?? ''),
					createUnit(
						database.db,
						someone.actor,
						{ model: 'zoom-h5', site: 'bellevue', assetTag: 'BRE-X-1' },
						context
					),
					updateUnit(
						database.db,
						someone.actor,
						{ id: unit?.id, site: 'bellevue', status: 'in_service' },
						context
					)
				]) {
					expect(await refusal(attempt)).toBeInstanceOf(Forbidden);
				}
			}
			expect(await unitTagged('BRE-ZH5-BEL-09')).toMatchObject({ status: 'retired' });
		});
	});
}
