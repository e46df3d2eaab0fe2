import { describe, expect, it } from 'vitest';
import { addDays, zonedInstant, zonedParts } from './zoned';

const PARIS = 'Europe/Paris';

describe('zoned time', () => {
	it('reads an instant on the city clock, winter and summer', () => {
		expect(zonedParts(new Date('2026-12-03T13:00:00Z'), PARIS)).toEqual({
			date: '2026-12-03',
			time: '14:00',
			weekday: 4,
			minutes: 840
		});
		expect(zonedParts(new Date('2026-07-05T21:30:00Z'), PARIS)).toMatchObject({
			date: '2026-07-05',
			time: '23:30',
			weekday: 7
		});
	});

	it('turns a wall-clock time into the instant, whatever the offset', () => {
		expect(zonedInstant('2026-12-03', '14:00', PARIS).toISOString()).toBe('2026-12-03T13:00:00.000Z');
		expect(zonedInstant('2026-07-01', '10:00', PARIS).toISOString()).toBe('2026-07-01T08:00:00.000Z');
		expect(zonedInstant('2026-07-01', '10:00', 'UTC').toISOString()).toBe('2026-07-01T10:00:00.000Z');
	});

	it('moves a time skipped in spring forward and takes the first of a time repeated in autumn', () => {
		expect(zonedInstant('2027-03-28', '02:30', PARIS).toISOString()).toBe('2027-03-28T01:30:00.000Z');
		expect(zonedInstant('2026-10-25', '02:30', PARIS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(zonedInstant('2026-10-25', '12:00', PARIS).toISOString()).toBe('2026-10-25T11:00:00.000Z');
		expect(zonedInstant('2027-03-28', '12:00', PARIS).toISOString()).toBe('2027-03-28T10:00:00.000Z');
	});

	it('adds days across months and years', () => {
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
});
