import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/db/seed';
import {
	booking,
	bookingUnit,
	equipmentUnit,
	mailOutbox,
	moduleCompletion,
	trainingModule
} from '../../src/lib/server/db/schema';
import {
	InvalidInput,
	NotSignedIn,
	Refused,
	TrainingRequired,
	Unavailable
} from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import type { Alternatives } from '../../src/lib/server/lending/alternatives';
import { backends, type TestDatabase } from './database';
import { lendingContext, lendingRowCounts, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

const thursday = { start: paris('2026-11-26', '14:00'), end: paris('2026-11-26', '17:00') };
const zoom = (site = 'capucins', period = thursday) => ({ equipment: 'zoom-h5', site, ...period });

for (const backend of backends()) {
	describe(`booking on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = lendingContext();
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		const resident = () => createPerson(database.db);

		it('books a Zoom H5 at Capucins next Thursday 14:00–17:00 and assigns a unit', async () => {
			const person = await resident();
			const created = await createBooking(database.db, person.actor, zoom(), context);
			expect(created).toMatchObject({
				status: 'confirmed',
				site: 'capucins',
				equipment: 'zoom-h5',
				start: thursday.start,
				end: thursday.end,
				units: [{ assetTag: 'BRE-ZH5-CAP-01' }]
			});
			expect(created.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
			const [held] = await database.db
				.select()
				.from(bookingUnit)
				.where(eq(bookingUnit.bookingId, created.id));
			// The unit stays held for the one-hour turnaround after the return.
			expect(held?.blockedUntil.toISOString()).toBe(
				new Date(Date.parse(thursday.end) + 3_600_000).toISOString()
			);
			const mail = await database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, person.email));
			expect(mail).toHaveLength(1);
			expect(mail[0]?.kind).toBe('booking.confirmed');
			expect(mail[0]?.text).toContain(created.code);
		});

		it('refuses a visitor who is not signed in, writing nothing', async () => {
			const before = await lendingRowCounts(database.db);
			await expect(createBooking(database.db, null, zoom(), context)).rejects.toThrow(NotSignedIn);
			expect(await lendingRowCounts(database.db)).toEqual(before);
		});

		const invalidCases: [string, Record<string, unknown>, string][] = [
			['an unknown model', { ...zoom(), equipment: 'flux-capacitor' }, 'equipment'],
			['a site that does not lend it', { ...zoom(), site: 'nowhere' }, 'site'],
			['a site without that model', { ...zoom(), equipment: 'gazebo-3x3' }, 'site'],
			['an end before the start', zoom('capucins', { start: thursday.end, end: thursday.start }), 'end'],
			['a date that is not one', { ...zoom(), start: 'next thursday' }, 'start'],
			[
				'an absurd year',
				zoom('capucins', { start: '9999-01-01T10:00:00Z', end: '9999-01-02T10:00:00Z' }),
				'start'
			],
			[
				'a start in the past',
				zoom('capucins', { start: paris('2026-11-20', '14:00'), end: thursday.end }),
				'start'
			],
			[
				'a start more than 60 days ahead',
				zoom('capucins', { start: paris('2027-01-28', '14:00'), end: paris('2027-01-28', '17:00') }),
				'start'
			],
			[
				'a loan longer than 7 days',
				zoom('capucins', { start: thursday.start, end: paris('2026-12-04', '14:00') }),
				'end'
			],
			[
				'a pick-up before opening',
				zoom('capucins', { start: paris('2026-11-26', '09:00'), end: thursday.end }),
				'start'
			],
			[
				'a return after closing',
				zoom('capucins', { start: thursday.start, end: paris('2026-11-26', '19:00') }),
				'end'
			],
			[
				'a day the site does not open',
				zoom('capucins', { start: paris('2026-11-30', '14:00'), end: paris('2026-12-01', '14:00') }),
				'start'
			],
			[
				'a closure day',
				zoom('capucins', { start: paris('2026-12-24', '14:00'), end: paris('2026-12-25', '14:00') }),
				'end'
			],
			['a note that is too long', { ...zoom(), note: 'x'.repeat(501) }, 'note'],
			[
				'a group that does not exist',
				{ ...zoom(), groupId: '00000000-0000-4000-8000-000000000000' },
				'groupId'
			],
			['a body that is not an object', [] as unknown as Record<string, unknown>, '_']
		];
		for (const [what, input, path] of invalidCases) {
			it(`refuses ${what} with a message on ${path}, writing nothing`, async () => {
				const person = await resident();
				const before = await lendingRowCounts(database.db);
				const problem = await refusal(createBooking(database.db, person.actor, input, context));
				expect(problem).toBeInstanceOf(InvalidInput);
				const issues = (problem as InvalidInput).issues;
				expect(issues.map((issue) => issue.path)).toContain(path);
				expect(issues.every((issue) => issue.message.length > 10)).toBe(true);
				expect(await lendingRowCounts(database.db)).toEqual(before);
			});
		}

		it('names the opening hours of the day in the refusal', async () => {
			const person = await resident();
			const problem = await refusal(
				createBooking(
					database.db,
					person.actor,
					{ equipment: 'zoom-h5', site: 'bellevue', start: paris('2026-11-26', '11:00'), end: thursday.end },
					context
				)
			);
			expect((problem as InvalidInput).issues[0]?.message).toContain('14:00–19:00');
		});

		it('asks for the Camera basics module before the Sony FX30 kit, then takes it as a request', async () => {
			const person = await resident();
			const fx30 = { equipment: 'sony-fx30-kit', site: 'capucins', ...thursday };
			const before = await lendingRowCounts(database.db);
			const problem = await refusal(createBooking(database.db, person.actor, fx30, context));
			expect(problem).toBeInstanceOf(TrainingRequired);
			expect((problem as TrainingRequired).module.slug).toBe('camera-basics');
			expect((problem as TrainingRequired).message).toContain('Les bases de la caméra');
			expect(await lendingRowCounts(database.db)).toEqual(before);

			const [module] = await database.db
				.select({ id: trainingModule.id })
				.from(trainingModule)
				.where(eq(trainingModule.slug, 'camera-basics'));
			await database.db
				.insert(moduleCompletion)
				.values({ userId: person.id, moduleId: module?.id ?? '', method: 'quiz' });
			const created = await createBooking(database.db, person.actor, fx30, context);
			expect(created.status).toBe('requested');
			const [mail] = await database.db
				.select()
				.from(mailOutbox)
				.where(eq(mailOutbox.recipient, person.email));
			expect(mail?.kind).toBe('booking.requested');
		});

		it('keeps the turnaround buffer: the only Bose is not free until an hour after its return', async () => {
			const first = await resident();
			const second = await resident();
			const bose = (start: string, end: string) => ({
				equipment: 'bose-s1-pro',
				site: 'capucins',
				start,
				end
			});
			await createBooking(
				database.db,
				first.actor,
				bose(paris('2026-12-01', '10:00'), paris('2026-12-01', '12:00')),
				context
			);
			const before = await lendingRowCounts(database.db);
			const problem = await refusal(
				createBooking(
					database.db,
					second.actor,
					bose(paris('2026-12-01', '12:30'), paris('2026-12-01', '15:00')),
					context
				)
			);
			expect(problem).toBeInstanceOf(Unavailable);
			expect(await lendingRowCounts(database.db)).toEqual(before);
			const later = await createBooking(
				database.db,
				second.actor,
				bose(paris('2026-12-01', '13:00'), paris('2026-12-01', '15:00')),
				context
			);
			expect(later.status).toBe('requested');
		});

		it('offers the same model at another site and other days when a site runs out', async () => {
			const period = { start: paris('2026-12-03', '14:00'), end: paris('2026-12-03', '17:00') };
			for (let taken = 0; taken < 3; taken++) {
				await createBooking(database.db, (await resident()).actor, zoom('capucins', period), context);
			}
			const problem = await refusal(
				createBooking(database.db, (await resident()).actor, zoom('capucins', period), context)
			);
			expect(problem).toBeInstanceOf(Unavailable);
			const alternatives = (problem as Unavailable<Alternatives>).alternatives;
			expect(alternatives.otherSites).toEqual([
				expect.objectContaining({ site: 'bellevue', available: 2 }),
				expect.objectContaining({ site: 'saint-martin', available: 1 })
			]);
			expect(alternatives.otherPeriods.map((other) => other.start)).toContain(paris('2026-12-02', '14:00'));
			expect(alternatives.otherPeriods.length).toBeGreaterThan(0);
		});

		it('stops at three active bookings per resident, then accepts again after a cancellation', async () => {
			const person = await resident();
			const days = ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
			const periods = days.map((day) => ({ start: paris(day, '10:00'), end: paris(day, '12:00') }));
			const made = [];
			for (const period of periods.slice(0, 3)) {
				made.push(await createBooking(database.db, person.actor, zoom('capucins', period), context));
			}
			const before = await lendingRowCounts(database.db);
			const problem = await refusal(
				createBooking(database.db, person.actor, zoom('capucins', periods[3]), context)
			);
			expect(problem).toBeInstanceOf(Refused);
			expect((problem as Refused).code).toBe('active_limit');
			expect((problem as Refused).message).toContain('3');
			expect(await lendingRowCounts(database.db)).toEqual(before);
			await database.db
				.update(booking)
				.set({ status: 'cancelled' })
				.where(eq(booking.id, made[0]?.id ?? ''));
			await expect(
				createBooking(database.db, person.actor, zoom('capucins', periods[3]), context)
			).resolves.toMatchObject({ status: 'confirmed' });
		});

		it('reserves one unit of each model of a kit at once, or nothing at all', async () => {
			const period = { start: paris('2026-12-15', '10:00'), end: paris('2026-12-15', '16:00') };
			const podcast = { equipment: 'podcast-kit', site: 'capucins', ...period };
			const kit = await createBooking(database.db, (await resident()).actor, podcast, context);
			expect(kit.units.map((unit) => unit.assetTag).sort()).toEqual([
				'BRE-M50X-CAP-01',
				'BRE-NTG4-CAP-01',
				'BRE-NTG4-CAP-02',
				'BRE-ZH5-CAP-01'
			]);
			await createBooking(database.db, (await resident()).actor, { ...podcast }, context);
			// Two kits took all four Rode microphones: the third finds the recorders free but no
			// microphones, and must leave the recorders alone.
			const before = await lendingRowCounts(database.db);
			const problem = await refusal(createBooking(database.db, (await resident()).actor, podcast, context));
			expect(problem).toBeInstanceOf(Unavailable);
			expect(await lendingRowCounts(database.db)).toEqual(before);
			const heldThen = await database.db
				.select()
				.from(bookingUnit)
				.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
				.where(and(eq(bookingUnit.active, true), eq(bookingUnit.startsAt, new Date(period.start))));
			// Two whole kits of four units each, and nothing from the third attempt.
			expect(heldThen).toHaveLength(8);
		});

		it('lets the database refuse an overlapping hold even when code is bypassed', async () => {
			const person = await resident();
			const created = await createBooking(
				database.db,
				person.actor,
				zoom('saint-martin', { start: paris('2026-12-17', '10:00'), end: paris('2026-12-17', '12:00') }),
				context
			);
			const [held] = await database.db
				.select()
				.from(bookingUnit)
				.where(eq(bookingUnit.bookingId, created.id));
			const other = await createBooking(
				database.db,
				person.actor,
				zoom('saint-martin', { start: paris('2026-12-18', '10:00'), end: paris('2026-12-18', '12:00') }),
				context
			);
			await expect(
				database.db.insert(bookingUnit).values({
					bookingId: other.id,
					unitId: held?.unitId ?? '',
					startsAt: new Date(paris('2026-12-17', '11:00')),
					blockedUntil: new Date(paris('2026-12-17', '14:00'))
				})
			).rejects.toThrow();
			// Once the first booking is cancelled its unit is released, so the same hold is fine.
			await database.db.update(booking).set({ status: 'cancelled' }).where(eq(booking.id, created.id));
			const [released] = await database.db
				.select()
				.from(bookingUnit)
				.where(eq(bookingUnit.bookingId, created.id));
			expect(released?.active).toBe(false);
		});
	});
}
