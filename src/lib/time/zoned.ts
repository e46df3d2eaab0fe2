/** Wall-clock parts of an instant on a given clock (an IANA time zone). */
export type ZonedParts = {
	date: string; // YYYY-MM-DD
	time: string; // HH:MM
	weekday: number; // ISO: 1 = Monday … 7 = Sunday
	minutes: number; // minutes since local midnight
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			weekday: 'short'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function rawParts(instant: Date, timeZone: string) {
	const parts: Record<string, string> = {};
	for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
	return parts;
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
	const parts = rawParts(instant, timeZone);
	const hour = Number(parts.hour);
	const minute = Number(parts.minute);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		time: `${parts.hour}:${parts.minute}`,
		weekday: weekdays.indexOf(parts.weekday ?? '') + 1,
		minutes: hour * 60 + minute
	};
}

/** How far the clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
	const parts = rawParts(instant, timeZone);
	const asUtc = Date.UTC(
		Number(parts.year),
		Number(parts.month) - 1,
		Number(parts.day),
		Number(parts.hour),
		Number(parts.minute),
		Number(parts.second)
	);
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock date and time names on that clock. A time skipped by a daylight-saving
 * change moves forward by the gap; a time that happens twice is its first occurrence.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
	const before = offsetAt(new Date(wall - 36e5 * 3), timeZone);
	const after = offsetAt(new Date(wall + 36e5 * 3), timeZone);
	const early = new Date(wall - before);
	if (before === after) return early;
	// Around a change: the earlier offset applies if it really gives that wall time.
	if (zonedParts(early, timeZone).time === time && zonedParts(early, timeZone).date === date) return early;
	const late = new Date(wall - after);
	if (zonedParts(late, timeZone).time === time) return late;
	return new Date(wall - before);
}

/** A calendar date shifted by whole days (no clock involved). */
export function addDays(date: string, days: number): string {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}
