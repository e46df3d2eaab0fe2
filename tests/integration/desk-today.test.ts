import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { deskToday } from '../../src/lib/server/lending/desk/today';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

for (const backend of backends()) {
	describe(`the desk's day on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = lendingContext();
		/** Bookings made on Tuesday, for days that have come by Saturday noon (the tests' clock). */
		const earlier = lendingContext({ now: () => new Date(paris('2026-11-17', '09:00')) });
		const made: Record<string, { id: string; code: string; person: string }> = {};

		async function book(label: string, input: object, when = context, name = `Résident ${label}`) {
			const person = await createPerson(database.db, { name });
			const created = await createBooking(database.db, person.actor, input, when);
			const [row] = await database.db
				.select({ code: booking.code })
				.from(booking)
				.where(eq(booking.id, created.id));
			made[label] = { id: created.id, code: row?.code ?? '', person: name };
			return created.id;
		}
		const checkOut = (id: string) =>
			database.db.update(booking).set({ status: 'checked_out' }).where(eq(booking.id, id));

		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			const zoom = (start: string, end: string) => ({ equipment: 'zoom-h5', site: 'capucins', start, end });
			await book('pickUp', zoom(paris('2026-11-21', '14:00'), paris('2026-11-21', '17:00')));
			await checkOut(
				await book('returning', zoom(paris('2026-11-20', '10:00'), paris('2026-11-21', '16:00')), earlier)
			);
			await checkOut(
				await book(
					'late',
					zoom(paris('2026-11-18', '10:00'), paris('2026-11-19', '12:00')),
					earlier,
					'Maëlle Le Gall'
				)
			);
			// Confirmed for yesterday and never collected.
			await book('missed', zoom(paris('2026-11-20', '10:00'), paris('2026-11-20', '12:00')), earlier);
			await book('request', {
				equipment: 'bose-s1-pro',
				site: 'capucins',
				start: paris('2026-12-01', '14:00'),
				end: paris('2026-12-01', '16:00')
			});
			const flagged = await book('flagged', zoom(paris('2026-12-02', '14:00'), paris('2026-12-02', '16:00')));
			await database.db
				.update(booking)
				.set({ flaggedAt: new Date(), flagReason: 'unit_out_of_service' })
				.where(eq(booking.id, flagged));
		});
		afterAll(() => database.close());

		const ids = (views: { id: string }[] | null) => (views ?? []).map((view) => view.id).sort();
		const idsOf = (...labels: string[]) => labels.map((label) => made[label]?.id).sort();

		it('shows Capucins its pick-ups, returns, overdue loans, requests and flagged bookings of the day', async () => {
			const desk = await createPerson(database.db, { roles: ['desk'] });
			const day = await deskToday(database.db, desk.actor, { site: 'capucins' }, context);
			expect(day.site.slug).toBe('capucins');
			expect(day.today).toBe('2026-11-21');
			expect(ids(day.pickUps)).toEqual(idsOf('pickUp'));
			expect(ids(day.returns)).toEqual(idsOf('returning'));
			expect(ids(day.overdue)).toEqual(idsOf('late'));
			expect(ids(day.requests)).toEqual(idsOf('request'));
			expect(ids(day.flagged)).toEqual(idsOf('flagged'));
			expect(ids(day.missed)).toEqual(idsOf('missed'));
			expect(day.overdue[0]?.person?.name).toBe('Maëlle Le Gall');
			expect(day.found).toBeNull();
			const elsewhere = await deskToday(database.db, desk.actor, { site: 'bellevue' }, context);
			expect(
				[
					elsewhere.pickUps,
					elsewhere.returns,
					elsewhere.overdue,
					elsewhere.missed,
					elsewhere.requests,
					elsewhere.flagged
				].flat()
			).toEqual([]);
		});

		it('finds bookings by code however typed, by asset tag, and by part of a name', async () => {
			const admin = await createPerson(database.db, { roles: ['admin'] });
			const search = async (q: string) =>
				ids((await deskToday(database.db, admin.actor, { q }, context)).found);
			const code = made.late?.code ?? '';
			expect(await search(`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`)).toEqual(
				idsOf('late')
			);
			expect(await search('maëlle')).toEqual(idsOf('late'));
			expect(await search('maelle')).toEqual(idsOf('late'));
			// "%" and "_" are letters here, not wildcards that would match everyone.
			expect(await search('%')).toEqual([]);
			expect(await search('_')).toEqual([]);
			const [held] = (await deskToday(database.db, admin.actor, { q: code }, context)).found ?? [];
			const tag = held?.units[0]?.assetTag ?? '';
			expect(await search(tag.toLowerCase())).toContain(made.late?.id);
		});

		it('is for desk staff and admins only, and says what is wrong with a query', async () => {
			const resident = await createPerson(database.db);
			const moderator = await createPerson(database.db, { roles: ['moderator', 'reviewer'] });
			expect(await refusal(deskToday(database.db, null, {}, context))).toBeInstanceOf(NotSignedIn);
			expect(await refusal(deskToday(database.db, resident.actor, {}, context))).toBeInstanceOf(Forbidden);
			expect(await refusal(deskToday(database.db, moderator.actor, {}, context))).toBeInstanceOf(Forbidden);
			const desk = await createPerson(database.db, { roles: ['desk'] });
			expect(await refusal(deskToday(database.db, desk.actor, { site: 'atlantis' }, context))).toBeInstanceOf(
				NotFound
			);
			expect(
				await refusal(deskToday(database.db, desk.actor, { q: 'x'.repeat(101) }, context))
			).toBeInstanceOf(InvalidInput);
		});
	});
}
