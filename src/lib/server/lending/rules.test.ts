import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../../time/zoned';
import { breachesOf, hoursOn, strictestPolicy, type SiteSchedule } from './rules';

const PARIS = 'Europe/Paris';
const at = (date: string, time: string) => zonedInstant(date, time, PARIS);
const policy = { maxLoanDays: 7, maxAdvanceDays: 60, bufferMinutes: 60 };
// Tuesday to Saturday 10:00–18:00, closed on 25 December.
const schedule: SiteSchedule = {
	hours: [2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt: '10:00:00', closesAt: '18:00:00' })),
	closures: [{ startsOn: '2026-12-25', endsOn: '2026-12-25' }]
};
const now = at('2026-11-21', '12:00'); // a Saturday
const check = (start: Date, end: Date, overrides = {}) =>
	breachesOf({ start, end }, { ...policy, ...overrides }, schedule, { now, timeZone: PARIS });

describe('lending rules', () => {
	it('accepts next Thursday 14:00–17:00', () => {
		expect(check(at('2026-11-26', '14:00'), at('2026-11-26', '17:00'))).toEqual([]);
	});

	it('accepts picking up at opening time and returning at closing time', () => {
		expect(check(at('2026-11-26', '10:00'), at('2026-11-28', '18:00'))).toEqual([]);
	});

	it('refuses an end before the start, and nothing else then', () => {
		expect(check(at('2026-11-26', '17:00'), at('2026-11-26', '14:00'))).toEqual([
			{ path: 'end', rule: 'end_before_start' }
		]);
	});

	it('refuses a start in the past', () => {
		expect(check(at('2026-11-20', '14:00'), at('2026-11-26', '17:00'))).toContainEqual({
			path: 'start',
			rule: 'in_past'
		});
	});

	it('refuses a start further ahead than the policy allows', () => {
		expect(check(at('2027-01-21', '14:00'), at('2027-01-21', '17:00'))).toEqual([
			{ path: 'start', rule: 'too_far_ahead', days: 60 }
		]);
	});

	it('refuses a loan longer than the maximum', () => {
		expect(check(at('2026-11-26', '14:00'), at('2026-12-03', '14:01'))).toEqual([
			{ path: 'end', rule: 'too_long', days: 7 }
		]);
		expect(check(at('2026-11-26', '14:00'), at('2026-12-03', '14:00'))).toEqual([]);
	});

	it('refuses a pick-up or return outside opening hours, naming the hours of that day', () => {
		expect(check(at('2026-11-26', '09:00'), at('2026-11-26', '18:30'))).toEqual([
			{ path: 'start', rule: 'outside_opening_hours', date: '2026-11-26', hours: ['10:00–18:00'] },
			{ path: 'end', rule: 'outside_opening_hours', date: '2026-11-26', hours: ['10:00–18:00'] }
		]);
		expect(check(at('2026-11-26', '18:00'), at('2026-11-27', '12:00'))[0]?.rule).toBe(
			'outside_opening_hours'
		);
	});

	it('refuses a day the site does not open and a closure day', () => {
		expect(check(at('2026-11-29', '14:00'), at('2026-12-01', '12:00'))).toEqual([
			{ path: 'start', rule: 'site_closed_that_day', date: '2026-11-29' }
		]);
		expect(check(at('2026-12-24', '14:00'), at('2026-12-25', '12:00'))).toEqual([
			{ path: 'end', rule: 'site_closed_that_day', date: '2026-12-25' }
		]);
	});

	it('lists the hours of a day, none on a closure', () => {
		expect(hoursOn(schedule, '2026-11-26', 4)).toEqual(['10:00–18:00']);
		expect(hoursOn(schedule, '2026-12-25', 5)).toEqual([]);
	});

	it('gives a kit the strictest policy of its models', () => {
		expect(strictestPolicy([policy, { maxLoanDays: 3, maxAdvanceDays: 90, bufferMinutes: 120 }])).toEqual({
			maxLoanDays: 3,
			maxAdvanceDays: 60,
			bufferMinutes: 120
		});
	});
});
