import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotSignedIn } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { approveRequest } from '../../src/lib/server/lending/desk/decide';
import { handOut } from '../../src/lib/server/lending/desk/hand-out';
import { recordNoShow } from '../../src/lib/server/lending/desk/no-show';
import { takeBack } from '../../src/lib/server/lending/desk/take-back';
import { monthlyUseCsv } from '../../src/lib/server/lending/reports/csv';
import { lendingReport, lendingReportCsv } from '../../src/lib/server/lending/reports/monthly-use';
import { openLendingUse } from '../../src/lib/server/lending/reports/open-data';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

for (const backend of backends()) {
	describe(`lending reports on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		const at = (date: string, time: string) => lendingContext({ now: () => new Date(paris(date, time)) });
		const reportClock = at('2026-11-21', '12:00');

		/** A loan as it happens: booked that morning, handed out and taken back at the given times. */
		async function loan(
			equipment: string,
			date: string,
			period: [string, string],
			out: string | null,
			back: string | null
		) {
			const person = await createPerson(database.db);
			const made = await createBooking(
				database.db,
				person.actor,
				{ equipment, site: 'capucins', start: paris(date, period[0]), end: paris(date, period[1]) },
				at(date, '08:00')
			);
			if (made.status === 'requested') {
				await approveRequest(database.db, desk.actor, { bookingId: made.id }, at(date, '09:00'));
			}
			if (out) await handOut(database.db, desk.actor, { bookingId: made.id }, at(date, out));
			if (back) await takeBack(database.db, desk.actor, { bookingId: made.id }, at(date, back));
			return made.id;
		}

		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
			await loan('zoom-h5', '2026-10-31', ['10:00', '12:00'], '10:00', '12:00');
			await loan('zoom-h5', '2026-11-03', ['10:00', '12:00'], '10:00', '12:00');
			await loan('zoom-h5', '2026-11-04', ['14:00', '16:00'], '14:00', '17:00');
			await loan('bose-s1-pro', '2026-11-05', ['10:00', '18:00'], '10:30', '17:30');
			const missed = await loan('zoom-h5', '2026-11-06', ['10:00', '12:00'], null, null);
			await recordNoShow(database.db, desk.actor, { bookingId: missed }, at('2026-11-06', '11:00'));
			// A podcast kit in December: two microphones, a recorder, headphones, out for three hours.
			await loan('podcast-kit', '2026-12-01', ['10:00', '13:00'], '10:00', '13:00');
			// Booked for later this month but not handed out yet: not a loan.
			await loan('zoom-h5', '2026-11-27', ['10:00', '12:00'], null, null);
		});
		afterAll(() => database.close());

		it('counts the month’s loans, hours, average time out, late returns and no-shows', async () => {
			const report = await lendingReport(database.db, desk.actor, { month: '2026-11' }, reportClock);
			expect(
				report.rows.map(({ modelName, loanHours: _loanHours, ...row }) => ({ ...row, fr: modelName.fr }))
			).toEqual([
				{
					site: 'capucins',
					siteName: 'Ateliers des Capucins – Pôle numérique',
					model: 'bose-s1-pro',
					fr: 'Sonorisation portable Bose S1 Pro',
					loans: 1,
					hours: 7,
					averageHoursOut: 7,
					lateReturns: 0,
					noShows: 0
				},
				{
					site: 'capucins',
					siteName: 'Ateliers des Capucins – Pôle numérique',
					model: 'zoom-h5',
					fr: 'Enregistreur Zoom H5',
					loans: 2,
					hours: 5,
					averageHoursOut: 2.5,
					lateReturns: 1,
					noShows: 1
				}
			]);
			expect(report.totals).toEqual({ loans: 3, hours: 12, averageHoursOut: 4, lateReturns: 1, noShows: 1 });
			const october = await lendingReport(database.db, desk.actor, { month: '2026-10' }, reportClock);
			expect(october.totals).toMatchObject({ loans: 1, hours: 2, noShows: 0 });
		});

		it('counts a kit’s loan once for each model it holds, and its hours once for each unit', async () => {
			const december = await lendingReport(database.db, desk.actor, { month: '2026-12' }, reportClock);
			expect(
				december.rows.map((row) => [row.model, row.loans, row.hours, row.averageHoursOut, row.lateReturns])
			).toEqual([
				['ath-m50x', 1, 3, 3, 0],
				['rode-ntg4-plus', 1, 6, 3, 0],
				['zoom-h5', 1, 3, 3, 0]
			]);
			expect(december.totals).toEqual({
				loans: 3,
				hours: 12,
				averageHoursOut: 3,
				lateReturns: 0,
				noShows: 0
			});
		});

		it('writes the same figures as CSV, and hides small counts in the open data', async () => {
			const report = await lendingReport(database.db, desk.actor, { month: '2026-11' }, reportClock);
			expect(monthlyUseCsv(report, 'en').split('\r\n')).toEqual([
				'month,site,site_name,model,model_name,loans,hours_of_use,average_hours_out,late_returns,no_shows',
				'2026-11,capucins,Ateliers des Capucins – Pôle numérique,bose-s1-pro,Bose S1 Pro portable PA,1,7,7,0,0',
				'2026-11,capucins,Ateliers des Capucins – Pôle numérique,zoom-h5,Zoom H5 recorder,2,5,2.5,1,1',
				''
			]);
			const staffCsv = await lendingReportCsv(
				database.db,
				desk.actor,
				{ month: '2026-11' },
				{ ...reportClock, locale: 'fr' }
			);
			expect(staffCsv.csv).toContain(',zoom-h5,Enregistreur Zoom H5,2,5,2.5,1,1\r\n');
			const open = await openLendingUse(database.db, { month: '2026-11' }, reportClock);
			expect(monthlyUseCsv(open, 'en', true).split('\r\n').slice(1, 3)).toEqual([
				'2026-11,capucins,Ateliers des Capucins – Pôle numérique,bose-s1-pro,Bose S1 Pro portable PA,,,,,',
				'2026-11,capucins,Ateliers des Capucins – Pôle numérique,zoom-h5,Zoom H5 recorder,2,5,2.5,1,1'
			]);
		});

		it('is for desk staff and admins, and explains a bad month', async () => {
			expect(await refusal(lendingReport(database.db, null, {}, reportClock))).toBeInstanceOf(NotSignedIn);
			for (const roles of [[], ['moderator', 'reviewer']] as const) {
				const person = await createPerson(database.db, { roles: [...roles] });
				expect(await refusal(lendingReport(database.db, person.actor, {}, reportClock))).toBeInstanceOf(
					Forbidden
				);
			}
			const admin = await createPerson(database.db, { roles: ['admin'] });
			expect((await lendingReport(database.db, admin.actor, {}, reportClock)).month).toBe('2026-11');
			expect(
				await refusal(lendingReport(database.db, desk.actor, { month: '2026-13' }, reportClock))
			).toBeInstanceOf(InvalidInput);
		});
	});
}
