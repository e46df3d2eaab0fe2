import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, site, siteOpeningHours } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import {
	addClosure,
	getSiteForEdit,
	removeClosure,
	updateSite
} from '../../src/lib/server/lending/inventory/sites';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris, PARIS } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

/** The form as the page posts it, from what the page shows. */
function formOf(edit: Awaited<ReturnType<typeof getSiteForEdit>>, changes: Record<string, string> = {}) {
	const fields: Record<string, string> = {
		name: edit.site.name,
		address: edit.site.address,
		latitude: String(edit.site.latitude),
		longitude: String(edit.site.longitude)
	};
	for (const weekday of [1, 2, 3, 4, 5, 6, 7]) {
		edit.slots
			.filter((slot) => slot.weekday === weekday)
			.forEach((slot, index) => {
				fields[`hours.${weekday}.${index}.opens`] = slot.opensAt;
				fields[`hours.${weekday}.${index}.closes`] = slot.closesAt;
			});
	}
	return { ...fields, ...changes };
}

for (const backend of backends()) {
	describe(`sites in the inventory on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		const context = lendingContext();
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
		});
		afterAll(() => database.close());

		it('changes the weekly hours, with a lunch break, and bookings follow them', async () => {
			const edit = await getSiteForEdit(database.db, desk.actor, 'bellevue', '2026-11-21');
			expect(edit.slots.filter((slot) => slot.weekday === 2)).toEqual([
				{ weekday: 2, opensAt: '14:00', closesAt: '19:00' }
			]);
			// Saturday mornings, with a break, from now on.
			await updateSite(
				database.db,
				desk.actor,
				'bellevue',
				formOf(edit, {
					'hours.6.0.opens': '09:00',
					'hours.6.0.closes': '12:00',
					'hours.6.1.opens': '13:30',
					'hours.6.1.closes': '15:00'
				})
			);
			const hours = await database.db
				.select()
				.from(siteOpeningHours)
				.innerJoin(site, eq(site.id, siteOpeningHours.siteId))
				.where(eq(site.slug, 'bellevue'));
			expect(hours.filter((row) => row.site_opening_hours.weekday === 6)).toHaveLength(2);
			const [event] = await database.db.select().from(auditEvent).where(eq(auditEvent.action, 'site.update'));
			expect(Object.keys(event?.after as object)).toEqual(['hours']);
			const person = await createPerson(database.db);
			const saturday = await createBooking(
				database.db,
				person.actor,
				{
					equipment: 'epson-projector',
					site: 'bellevue',
					start: paris('2026-11-28', '09:30'),
					end: paris('2026-11-28', '11:30')
				},
				context
			);
			expect(saturday.status).toBe('confirmed');
		});

		it('explains bad hours and coordinates, changing nothing', async () => {
			const edit = await getSiteForEdit(database.db, desk.actor, 'capucins', '2026-11-21');
			const problem = await refusal(
				updateSite(
					database.db,
					desk.actor,
					'capucins',
					formOf(edit, {
						latitude: '123',
						'hours.1.0.opens': '18:00',
						'hours.1.0.closes': '10:00',
						'hours.2.1.opens': '12:00',
						'hours.2.1.closes': '13:00'
					})
				)
			);
			expect((problem as InvalidInput).issues.map((issue) => issue.path).sort()).toEqual([
				'hours.1.0.opens',
				'hours.2.1.opens',
				'latitude'
			]);
			expect((await getSiteForEdit(database.db, desk.actor, 'capucins', '2026-11-21')).slots).toEqual(
				edit.slots
			);
		});

		it('closes days, listing the bookings already made then, and reopens them', async () => {
			const person = await createPerson(database.db);
			const made = await createBooking(
				database.db,
				person.actor,
				{
					equipment: 'zoom-h5',
					site: 'capucins',
					start: paris('2026-12-01', '10:00'),
					end: paris('2026-12-01', '12:00')
				},
				context
			);
			const closure = { startsOn: '2026-12-01', endsOn: '2026-12-02', reasonFr: 'Inventaire annuel' };
			const added = await addClosure(database.db, desk.actor, 'capucins', closure, PARIS);
			expect(added.affected.map((row) => row.id)).toEqual([made.id]);
			const ours = async () =>
				(await getSiteForEdit(database.db, desk.actor, 'capucins', '2026-11-21')).closures
					.filter((row) => row.reason.fr === 'Inventaire annuel')
					.map((row) => [row.startsOn, row.endsOn]);
			expect(await ours()).toEqual([['2026-12-01', '2026-12-02']]);
			const refused = await refusal(
				createBooking(
					database.db,
					person.actor,
					{
						equipment: 'zoom-h5',
						site: 'capucins',
						start: paris('2026-12-02', '10:00'),
						end: paris('2026-12-02', '12:00')
					},
					context
				)
			);
			expect(refused).toBeInstanceOf(InvalidInput);
			const backwards = await refusal(
				addClosure(database.db, desk.actor, 'capucins', { ...closure, endsOn: '2026-11-30' }, PARIS)
			);
			expect((backwards as InvalidInput).issues.map((issue) => issue.path)).toEqual(['endsOn']);
			await removeClosure(database.db, desk.actor, 'capucins', added.id);
			expect(await ours()).toEqual([]);
			expect(await refusal(removeClosure(database.db, desk.actor, 'capucins', added.id))).toBeInstanceOf(
				NotFound
			);
			const actions = (
				await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, 'capucins'))
			).map((event) => event.action);
			expect(actions).toEqual(['site.closure_add', 'site.closure_remove']);
		});

		it('is for desk staff and admins only', async () => {
			const edit = await getSiteForEdit(database.db, desk.actor, 'capucins', '2026-11-21');
			expect(await refusal(getSiteForEdit(database.db, null, 'capucins', '2026-11-21'))).toBeInstanceOf(
				NotSignedIn
			);
			for (const roles of [[], ['moderator', 'reviewer']] as const) {
				const someone = await createPerson(database.db, { roles: [...roles] });
				for (const attempt of [
					getSiteForEdit(database.db, someone.actor, 'capucins', '2026-11-21'),
					updateSite(database.db, someone.actor, 'capucins', formOf(edit, { name: 'Piraté' })),
					addClosure(
						database.db,
						someone.actor,
						'capucins',
						{ startsOn: '2026-12-24', endsOn: '2026-12-24', reasonFr: 'x' },
						PARIS
					),
					removeClosure(database.db, someone.actor, 'capucins', desk.id)
				]) {
					expect(await refusal(attempt)).toBeInstanceOf(Forbidden);
				}
			}
			expect((await getSiteForEdit(database.db, desk.actor, 'capucins', '2026-11-21')).site.name).toBe(
				edit.site.name
			);
		});
	});
}
