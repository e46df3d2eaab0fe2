import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/db/seed';
import { booking, mailOutbox, user, waitlistEntry } from '../../src/lib/server/db/schema';
import { startJobs } from '../../src/lib/server/jobs/jobs';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { cancelBooking } from '../../src/lib/server/lending/my-bookings';
import {
	sendOverdueNotices,
	sendPickupReminders,
	sendReturnReminders
} from '../../src/lib/server/lending/reminders';
import { notifyFreedWaitlist } from '../../src/lib/server/lending/waitlist-job';
import { joinWaitlist } from '../../src/lib/server/lending/waitlist';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';

const at = (date: string, time: string) => () => new Date(paris(date, time));

for (const backend of backends()) {
	describe(`lending jobs on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		const mailsTo = async (email: string, kind: string) =>
			database.db
				.select()
				.from(mailOutbox)
				.where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.kind, kind)));

		async function book(
			person: Awaited<ReturnType<typeof createPerson>>,
			date: string,
			equipment = 'ath-m50x'
		) {
			return createBooking(
				database.db,
				person.actor,
				{ equipment, site: 'capucins', start: paris(date, '10:00'), end: paris(date, '16:00') },
				lendingContext()
			);
		}

		it('reminds the day before pick-up, once, in the daytime, and only those who want reminders', async () => {
			const keen = await createPerson(database.db, { locale: 'en' });
			const quiet = await createPerson(database.db);
			await database.db.update(user).set({ notifyReminders: false }).where(eq(user.id, quiet.id));
			const made = await book(keen, '2026-11-26');
			await book(quiet, '2026-11-26');

			expect(await sendPickupReminders(database.db, lendingContext({ now: at('2026-11-25', '06:00') }))).toBe(
				0
			);
			const daytime = lendingContext({ now: at('2026-11-25', '09:00') });
			expect(await sendPickupReminders(database.db, daytime)).toBe(1);
			expect(await sendPickupReminders(database.db, daytime)).toBe(0);
			const [mail] = await mailsTo(keen.email, 'booking.pickup_reminder');
			expect(mail?.subject).toBe(`Tomorrow: pick up Audio-Technica ATH-M50x headphones (${made.code})`);
			expect(await mailsTo(quiet.email, 'booking.pickup_reminder')).toHaveLength(0);
			expect(daytime.nudges).toBe(1);
		});

		it('reminds on the return day while there is time, then sends one overdue notice', async () => {
			const person = await createPerson(database.db);
			const made = await book(person, '2026-11-27');
			await database.db.update(booking).set({ status: 'checked_out' }).where(eq(booking.id, made.id));

			expect(await sendReturnReminders(database.db, lendingContext({ now: at('2026-11-27', '10:30') }))).toBe(
				1
			);
			expect(await sendReturnReminders(database.db, lendingContext({ now: at('2026-11-27', '11:30') }))).toBe(
				0
			);
			expect(await mailsTo(person.email, 'booking.return_reminder')).toHaveLength(1);

			expect(await sendOverdueNotices(database.db, lendingContext({ now: at('2026-11-27', '16:10') }))).toBe(
				0
			);
			expect(await sendOverdueNotices(database.db, lendingContext({ now: at('2026-11-27', '17:00') }))).toBe(
				1
			);
			expect(await sendOverdueNotices(database.db, lendingContext({ now: at('2026-11-28', '17:00') }))).toBe(
				0
			);
			const [notice] = await mailsTo(person.email, 'booking.overdue');
			expect(notice?.text).toContain(made.code);
		});

		it('tells the waiting resident when a cancellation frees the period, once', async () => {
			const holder = await createPerson(database.db);
			const waiting = await createPerson(database.db);
			const bose = {
				equipment: 'bose-s1-pro',
				site: 'capucins',
				start: paris('2026-12-02', '10:00'),
				end: paris('2026-12-02', '14:00')
			};
			const taken = await createBooking(database.db, holder.actor, bose, lendingContext());
			await joinWaitlist(database.db, waiting.actor, bose, lendingContext());
			await joinWaitlist(database.db, waiting.actor, bose, lendingContext()); // asked twice, kept once
			expect(
				await database.db.select().from(waitlistEntry).where(eq(waitlistEntry.userId, waiting.id))
			).toHaveLength(1);

			expect(await notifyFreedWaitlist(database.db, lendingContext())).toBe(0);
			const context = lendingContext();
			await cancelBooking(database.db, holder.actor, taken.id, context);
			expect(context.released).toBe(1);
			expect(await notifyFreedWaitlist(database.db, lendingContext())).toBe(1);
			expect(await notifyFreedWaitlist(database.db, lendingContext())).toBe(0);
			const [mail] = await mailsTo(waiting.email, 'waitlist.freed');
			expect(mail?.text).toContain('http://portal.test/equipment/bose-s1-pro?site=capucins');
		});

		it('forgets waitlist entries whose period has begun', async () => {
			const person = await createPerson(database.db);
			await joinWaitlist(
				database.db,
				person.actor,
				{
					equipment: 'zoom-h5',
					site: 'capucins',
					start: paris('2026-11-24', '10:00'),
					end: paris('2026-11-24', '12:00')
				},
				lendingContext()
			);
			await notifyFreedWaitlist(database.db, lendingContext({ now: at('2026-11-24', '11:00') }));
			expect(
				await database.db.select().from(waitlistEntry).where(eq(waitlistEntry.userId, person.id))
			).toHaveLength(0);
		});

		it('runs a triggered job through the pg-boss queue in the same database', async () => {
			let runs = 0;
			const jobs = await startJobs(
				database.jobConnection,
				[{ name: 'test-job', cron: '0 3 * * *', run: async () => (runs += 1) }],
				{ timeZone: 'Europe/Paris' },
				pino({ level: 'silent' })
			);
			try {
				jobs.trigger('test-job');
				for (let wait = 0; wait < 60 && runs === 0; wait++)
					await new Promise((done) => setTimeout(done, 250));
				expect(runs).toBe(1);
			} finally {
				await jobs.stop();
			}
		}, 30_000);
	});
}
