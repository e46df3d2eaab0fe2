import { addDays, zonedInstant, zonedParts } from '../../time/zoned';
import type { Database } from '../db/client';
import { listCatalogue } from '../lending/catalogue';

const TUESDAY = 2;
const iso = (instant: Date) => instant.toISOString().replace('.000Z', 'Z');

/**
 * Values for the examples of /open-data that work on this portal: a model it lends, a site that
 * lends it, and a morning next week on the city's clock (Tuesday 10:00–12:00).
 */
export async function apiExamples(db: Database, clock: { timeZone: string; now: Date }) {
	const entry = (await listCatalogue(db)).find((item) => item.kind === 'model');
	const today = zonedParts(clock.now, clock.timeZone);
	const day = addDays(today.date, ((TUESDAY - today.weekday + 7) % 7) + 7);
	return {
		equipment: entry?.slug ?? 'SLUG',
		site: entry?.sites[0]?.slug ?? 'SITE',
		start: iso(zonedInstant(day, '10:00', clock.timeZone)),
		end: iso(zonedInstant(day, '12:00', clock.timeZone))
	};
}
