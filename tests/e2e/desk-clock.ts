import { addDays, zonedInstant, zonedParts } from '../../src/lib/time/zoned';

/** The desk journeys' day: the next Tuesday after today in Brest, when every demo site is open. */
export const DESK_DAY = (() => {
	let date = addDays(zonedParts(new Date(), 'Europe/Paris').date, 1);
	while (zonedParts(zonedInstant(date, '12:00', 'Europe/Paris'), 'Europe/Paris').weekday !== 2) {
		date = addDays(date, 1);
	}
	return date;
})();

/** The desk portal's clock starts at 10:30 that day (Capucins opens at 10:00). */
export const DESK_CLOCK_START = zonedInstant(DESK_DAY, '10:30', 'Europe/Paris').toISOString();
