import { eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { LocalizedText } from '../../i18n/localized-text';
import { addDays, zonedInstant, zonedParts } from '../../time/zoned';
import type { Database } from '../db/client';
import { InvalidInput, NotFound } from '../errors';
import { parseInput } from '../forms';
import { availabilitySteps, loadOccupancy, type Step } from './availability';
import { findBookable, schedulesOf, sitesLending, type Bookable } from './bookable';
import { equipmentModel, kit, type EquipmentPhoto } from './equipment.table';
import { hoursOn, type SiteSchedule } from './rules';
import { periodQuerySchema } from './schemas';

const DAY = 86_400_000;
export const MAX_AVAILABILITY_DAYS = 92;

export type SiteAvailability = {
	site: { slug: string; name: string; address: string };
	total: number;
	periods: Step[];
};

async function availabilityOf(
	db: Database,
	item: Bookable,
	window: { start: Date; end: Date },
	siteSlug?: string
) {
	const sites = (await sitesLending(db, item)).filter((place) => !siteSlug || place.slug === siteSlug);
	const occupancy = await loadOccupancy(db, {
		modelIds: item.lines.map((line) => line.modelId),
		siteIds: sites.map((place) => place.id),
		window
	});
	return sites.map((place) => {
		const total = Math.min(
			...item.lines.map((line) =>
				Math.floor(
					occupancy.units.filter((unit) => unit.siteId === place.id && unit.modelId === line.modelId).length /
						line.quantity
				)
			)
		);
		return {
			place,
			availability: {
				site: { slug: place.slug, name: place.name, address: place.address },
				total,
				periods: availabilitySteps(occupancy, item.lines, place.id, window)
			} satisfies SiteAvailability
		};
	});
}

/** Free and busy periods per site over a window (the API's availability). */
export async function equipmentAvailability(db: Database, slug: string, query: Record<string, string>) {
	const period = parseInput(periodQuerySchema, query);
	const item = await findBookable(db, slug);
	if (!item) throw new NotFound(m.booking_unknown_equipment());
	const start = period.from ?? new Date();
	const end = period.to ?? new Date(start.getTime() + 28 * DAY);
	if (end.getTime() - start.getTime() > MAX_AVAILABILITY_DAYS * DAY) {
		throw new InvalidInput([
			{ path: 'to', message: m.availability_window_too_long({ days: MAX_AVAILABILITY_DAYS }) }
		]);
	}
	const sites = await availabilityOf(db, item, { start, end }, query.site || undefined);
	if (query.site && sites.length === 0)
		throw new InvalidInput([{ path: 'site', message: m.booking_unknown_site() }]);
	return { equipment: item.slug, from: start, to: end, sites: sites.map((entry) => entry.availability) };
}

export type DayState = 'free' | 'partly' | 'busy' | 'closed';
export type CalendarDay = { date: string; weekday: number; state: DayState; hours: string[] };

/** A day at a site, seen from its opening hours: can one be picked up then, all day or in part? */
function dayState(
	steps: Step[],
	schedule: SiteSchedule,
	date: string,
	weekday: number,
	timeZone: string
): CalendarDay {
	const hours = hoursOn(schedule, date, weekday);
	if (hours.length === 0) return { date, weekday, state: 'closed', hours };
	let free = 0;
	let busy = 0;
	for (const slot of hours) {
		const [opens, closes] = slot.split('–');
		const open = zonedInstant(date, opens ?? '00:00', timeZone).getTime();
		const close = zonedInstant(date, closes ?? '00:00', timeZone).getTime();
		for (const step of steps) {
			const overlap = Math.min(close, step.end.getTime()) - Math.max(open, step.start.getTime());
			if (overlap <= 0) continue;
			if (step.available > 0) free += overlap;
			else busy += overlap;
		}
	}
	const state: DayState = busy === 0 ? 'free' : free === 0 ? 'busy' : 'partly';
	return { date, weekday, state, hours };
}

/** Everything the model page shows: description, contents, policy, sites and four weeks of availability. */
export async function getEquipmentDetail(
	db: Database,
	slug: string,
	context: { timeZone: string; now: Date }
) {
	const item = await findBookable(db, slug);
	if (!item) throw new NotFound(m.booking_unknown_equipment());
	const modelIds = item.lines.map((line) => line.modelId);
	const models = await db
		.select({
			id: equipmentModel.id,
			slug: equipmentModel.slug,
			name: equipmentModel.name,
			description: equipmentModel.description,
			inTheBox: equipmentModel.inTheBox,
			photos: equipmentModel.photos
		})
		.from(equipmentModel)
		.where(inArray(equipmentModel.id, modelIds));
	const description: LocalizedText =
		item.kind === 'kit' ? await kitDescription(db, item.id) : (models[0]?.description ?? { fr: '' });
	const today = zonedParts(context.now, context.timeZone).date;
	const window = {
		start: zonedInstant(today, '00:00', context.timeZone),
		end: zonedInstant(addDays(today, 28), '00:00', context.timeZone)
	};
	const sites = await availabilityOf(db, item, window);
	const schedules = await schedulesOf(
		db,
		sites.map(({ place }) => place.id)
	);
	const calendars = [];
	for (const { place, availability } of sites) {
		const schedule = schedules.get(place.id) ?? { hours: [], closures: [] };
		const days = Array.from({ length: 28 }, (_, index) => {
			const date = addDays(today, index);
			const weekday = zonedParts(zonedInstant(date, '12:00', context.timeZone), context.timeZone).weekday;
			return dayState(availability.periods, schedule, date, weekday, context.timeZone);
		});
		calendars.push({ ...availability, days, weekHours: weeklyHours(schedule) });
	}
	return {
		kind: item.kind,
		slug: item.slug,
		name: item.name,
		description,
		photos: models.flatMap((model) => model.photos) as EquipmentPhoto[],
		contents: item.lines.map((line) => {
			const model = models.find((candidate) => candidate.id === line.modelId);
			return {
				slug: model?.slug ?? '',
				name: model?.name ?? { fr: '' },
				inTheBox: model?.inTheBox ?? { fr: '' },
				quantity: line.quantity
			};
		}),
		policy: item.policy,
		approvalRequired: item.approvalRequired,
		requiredModules: item.requiredModules.map((module) => ({ slug: module.slug, title: module.title })),
		sites: calendars
	};
}

async function kitDescription(db: Database, kitId: string): Promise<LocalizedText> {
	const [row] = await db.select({ description: kit.description }).from(kit).where(eq(kit.id, kitId));
	return row?.description ?? { fr: '' };
}

function weeklyHours(schedule: SiteSchedule) {
	return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
		weekday,
		hours: schedule.hours
			.filter((slot) => slot.weekday === weekday)
			.map((slot) => `${slot.opensAt.slice(0, 5)}–${slot.closesAt.slice(0, 5)}`)
	}));
}
