import { describe, expect, it } from 'vitest';
import { calendarOf, escapeText, foldLine } from './ical';

const event = {
	id: '7d1c3f2e-0000-4000-8000-000000000001',
	code: 'ABC234',
	status: 'confirmed' as const,
	start: new Date('2026-11-26T13:00:00Z'),
	end: new Date('2026-11-26T16:00:00Z'),
	title: 'Zoom H5 recorder, booking ABC234',
	location: 'Ateliers des Capucins – Pôle numérique, 25 rue de Pontaniou, Brest',
	description: 'Show the code ABC234 at the desk.\nCancel: http://portal.test/my/bookings/x',
	url: 'http://portal.test/my/bookings/x',
	updatedAt: new Date('2026-11-21T11:00:00Z')
};

describe('iCalendar feed', () => {
	it('writes one event per booking with UTC times, CRLF lines and a stable UID', () => {
		const text = calendarOf([event, { ...event, id: 'other', status: 'cancelled' }], {
			name: 'Mes réservations',
			host: 'portal.test',
			now: new Date('2026-11-21T12:00:00Z')
		});
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(text).toContain('DTSTART:20261126T130000Z');
		expect(text).toContain('DTEND:20261126T160000Z');
		expect(text).toContain(`UID:booking-${event.id}@portal.test`);
		expect(text).toContain('STATUS:CANCELLED');
		expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
	});

	it('escapes commas, semicolons, backslashes and newlines', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});

	it('folds long lines without splitting a character', () => {
		const line = `DESCRIPTION:${'é'.repeat(60)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
		expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
		expect(parts.every((part) => new TextEncoder().encode(part).length <= 75)).toBe(true);
	});
});
