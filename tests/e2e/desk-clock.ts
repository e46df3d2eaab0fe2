import { addDays, zonedInstant, zonedParts } from '../../src/lib/time/zoned';

function nextTuesday(): string {
	let date = addDays(zonedParts(new Date(), 'Europe/Paris').date, 1);
	while (zonedParts(zonedInstant(date, '12:00', 'Europe/Paris'), 'Europe/Paris').weekday !== 2) {
		date = addDays(date, 1);
	}
	return date;
}

/**
 * The desk journeys' day: the next Tuesday after today in Brest, when every demo site is open.
 * Computed once by the Playwright config and handed to its workers, so that a run crossing
 * midnight cannot give the server one Tuesday and the journeys another.
 */
export const DESK_DAY = (process.env.E2E_DESK_DAY ??= nextTuesday());

/**
 * The desk portal's clock starts at 10:30 that day (Capucins opens at 10:00) and runs on: the
 * journeys book from 13:00, which leaves the phone journeys before them over two hours.
 */
export const DESK_CLOCK_START = zonedInstant(DESK_DAY, '10:30', 'Europe/Paris').toISOString();
