import { addDays, zonedInstant, zonedParts } from '../../time/zoned';
import type { Database } from '../db/client';
import { bookableCount, loadOccupancy, type Interval } from './availability';
import { schedulesOf, sitesLending, type Bookable, type LendingSite } from './bookable';
import type { LendingContext } from './context';
import { breachesOf } from './rules';

export type Alternatives = {
	/** The same item for the same period at other sites. */
	otherSites: { site: string; name: string; available: number }[];
	/** The same item at the same site on the nearest days, at the same times. */
	otherPeriods: { start: string; end: string }[];
};

const SEARCH_DAYS = 14;
const MAX_PERIODS = 3;
const DAY = 86_400_000;

/** What a resident could book instead when their choice is taken: never a dead end. */
export async function alternativesFor(
	db: Database,
	item: Bookable,
	chosen: LendingSite,
	period: Interval,
	context: Pick<LendingContext, 'timeZone' | 'now'>
): Promise<Alternatives> {
	const now = context.now();
	const clock = { now, timeZone: context.timeZone };
	const sites = await sitesLending(db, item);
	const maxBuffer = Math.max(...item.lines.map((line) => line.bufferMinutes)) * 60_000;
	const occupancy = await loadOccupancy(db, {
		modelIds: item.lines.map((line) => line.modelId),
		siteIds: sites.map((site) => site.id),
		window: {
			start: new Date(period.start.getTime() - SEARCH_DAYS * DAY),
			end: new Date(period.end.getTime() + SEARCH_DAYS * DAY + maxBuffer)
		}
	});

	const schedules = await schedulesOf(
		db,
		sites.map((site) => site.id)
	);
	const noHours = { hours: [], closures: [] };
	const otherSites: Alternatives['otherSites'] = [];
	for (const site of sites) {
		if (site.id === chosen.id) continue;
		if (breachesOf(period, item.policy, schedules.get(site.id) ?? noHours, clock).length > 0) continue;
		const available = bookableCount(occupancy, item.lines, site.id, period);
		if (available > 0) otherSites.push({ site: site.slug, name: site.name, available });
	}

	const schedule = schedules.get(chosen.id) ?? noHours;
	const start = zonedParts(period.start, context.timeZone);
	const end = zonedParts(period.end, context.timeZone);
	const spanDays = Math.round((Date.parse(end.date) - Date.parse(start.date)) / DAY);
	const otherPeriods: Alternatives['otherPeriods'] = [];
	for (let distance = 1; distance <= SEARCH_DAYS && otherPeriods.length < MAX_PERIODS; distance++) {
		for (const shift of [distance, -distance]) {
			const startDate = addDays(start.date, shift);
			const candidate = {
				start: zonedInstant(startDate, start.time, context.timeZone),
				end: zonedInstant(addDays(startDate, spanDays), end.time, context.timeZone)
			};
			if (breachesOf(candidate, item.policy, schedule, clock).length > 0) continue;
			if (bookableCount(occupancy, item.lines, chosen.id, candidate) === 0) continue;
			otherPeriods.push({ start: candidate.start.toISOString(), end: candidate.end.toISOString() });
			if (otherPeriods.length === MAX_PERIODS) break;
		}
	}
	otherPeriods.sort((a, b) => a.start.localeCompare(b.start));
	return { otherSites, otherPeriods };
}
