import { addDays, zonedInstant, zonedParts } from '../../src/lib/time/zoned';

export const CITY_CLOCK = 'Europe/Paris';

/** The next given ISO weekday (4 = Thursday) at least `after` days from today, on the city's clock. */
export function nextWeekday(weekday: number, after = 1): string {
	let date = addDays(zonedParts(new Date(), CITY_CLOCK).date, after);
	while (zonedParts(zonedInstant(date, '12:00', CITY_CLOCK), CITY_CLOCK).weekday !== weekday) {
		date = addDays(date, 1);
	}
	return date;
}

export const cityInstant = (date: string, time: string) => zonedInstant(date, time, CITY_CLOCK);
