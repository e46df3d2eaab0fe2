import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccount } from '../../src/lib/server/accounts/delete-account';
import { exportPersonalData } from '../../src/lib/server/accounts/personal-data';
import { seedDemo } from '../../src/lib/server/db/seed';
import { booking, bookingUnit, user } from '../../src/lib/server/db/schema';
import { Refused } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';

for (const backend of backends()) {
	describe(`a resident's lending data on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		const bookTripod = (person: Awaited<ReturnType<typeof createPerson>>, day: string) =>
			createBooking(
				database.db,
				person.actor,
				{
					equipment: 'manfrotto-tripod',
					site: 'capucins',
					start: paris(day, '10:00'),
					end: paris(day, '12:00'),
					note: 'pour le tournage du quartier'
				},
				lendingContext()
			);

		it('puts bookings in the personal data export', async () => {
			const person = await createPerson(database.db);
			const made = await bookTripod(person, '2026-12-01');
			const exported = await exportPersonalData(database.db, person.actor);
			expect(exported.lending.bookings).toEqual([
				expect.objectContaining({
					code: made.code,
					equipment: 'manfrotto-tripod',
					site: 'capucins',
					status: 'confirmed',
					note: 'pour le tournage du quartier'
				})
			]);
		});

		it('refuses to delete an account while city equipment is still out, changing nothing', async () => {
			const person = await createPerson(database.db);
			const made = await bookTripod(person, '2026-12-02');
			await database.db.update(booking).set({ status: 'checked_out' }).where(eq(booking.id, made.id));
			const problem = await deleteAccount(database.db, person.actor, { confirmEmail: person.email }).catch(
				(error: unknown) => error
			);
			expect(problem).toBeInstanceOf(Refused);
			expect((problem as Refused).message).toContain(made.code);
			expect(await database.db.select().from(user).where(eq(user.id, person.id))).toHaveLength(1);
		});

		it('cancels what was not picked up, frees its units and keeps the history without a name', async () => {
			const person = await createPerson(database.db);
			const made = await bookTripod(person, '2026-12-03');
			await deleteAccount(database.db, person.actor, { confirmEmail: person.email });
			const [kept] = await database.db.select().from(booking).where(eq(booking.id, made.id));
			expect(kept).toMatchObject({ userId: null, status: 'cancelled', note: null });
			const [held] = await database.db.select().from(bookingUnit).where(eq(bookingUnit.bookingId, made.id));
			expect(held?.active).toBe(false);
		});
	});
}
