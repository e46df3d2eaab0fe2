import type { BookingStatus } from './bookings.table';

export type CalendarEvent = {
	id: string;
	code: string;
	status: BookingStatus;
	start: Date;
	end: Date;
	title: string;
	location: string;
	description: string;
	url: string;
	updatedAt: Date;
};

const utc = (value: Date) =>
	value
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, newlines become \n. */
export function escapeText(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const character of line) {
		const size = encoder.encode(character).length;
		const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += character;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function statusOf(status: BookingStatus): string {
	if (status === 'requested') return 'TENTATIVE';
	if (status === 'cancelled' || status === 'rejected' || status === 'no_show') return 'CANCELLED';
	return 'CONFIRMED';
}

/** One VEVENT per booking, so a calendar app shows each loan and drops cancelled ones. */
export function calendarOf(
	events: CalendarEvent[],
	options: { name: string; host: string; now: Date }
): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:-//${options.host}//Commons Portal//FR`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(options.name)}`
	];
	for (const event of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:booking-${event.id}@${options.host}`,
			`DTSTAMP:${utc(options.now)}`,
			`LAST-MODIFIED:${utc(event.updatedAt)}`,
			`DTSTART:${utc(event.start)}`,
			`DTEND:${utc(event.end)}`,
			`SUMMARY:${escapeText(event.title)}`,
			`LOCATION:${escapeText(event.location)}`,
			`DESCRIPTION:${escapeText(event.description)}`,
			`URL:${event.url}`,
			`STATUS:${statusOf(event.status)}`,
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
