import { and, asc, eq, gte, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { addDays, zonedInstant, zonedParts } from '../../../time/zoned';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import { parseInput } from '../../forms';
import { readBookings } from '../booking-views';
import { booking } from '../bookings.table';
import type { LendingContext } from '../context';
import { site } from '../sites.table';
import { searchBookings } from './search';

export const deskQuerySchema = z.object({
	site: z.string().trim().max(100).optional(),
	q: z
		.string()
		.trim()
		.max(100, { error: () => m.desk_search_too_long() })
		.optional()
		.transform((value) => value || undefined)
});

/**
 * A site's day at the desk: pick-ups and returns due today, what is overdue or was never collected,
 * requests waiting for a decision, bookings flagged for attention, and what a search found (across every site).
 */
export async function deskToday(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: Pick<LendingContext, 'now' | 'timeZone'>
) {
	authorize(actor, 'desk.work');
	const query = parseInput(deskQuerySchema, input);
	const sites = await db
		.select({ id: site.id, slug: site.slug, name: site.name })
		.from(site)
		.orderBy(asc(site.name));
	const place = query.site ? sites.find((candidate) => candidate.slug === query.site) : sites[0];
	if (!place) throw new NotFound(m.desk_site_not_found());
	const now = context.now();
	const today = zonedParts(now, context.timeZone).date;
	const dayStart = zonedInstant(today, '00:00', context.timeZone);
	const dayEnd = zonedInstant(addDays(today, 1), '00:00', context.timeZone);
	const atSite = (...conditions: SQL[]) =>
		readBookings(db, and(eq(booking.siteId, place.id), ...conditions), 'upcoming', 200, now);
	const [pickUps, returns, overdue, missed, requests, flagged, found] = await Promise.all([
		atSite(eq(booking.status, 'confirmed'), gte(booking.startsAt, dayStart), lt(booking.startsAt, dayEnd)),
		atSite(eq(booking.status, 'checked_out'), gte(booking.endsAt, dayStart), lt(booking.endsAt, dayEnd)),
		atSite(eq(booking.status, 'checked_out'), lt(booking.endsAt, now)),
		// Confirmed, the pick-up day gone by, never collected: a no-show to record, or a late pick-up.
		atSite(eq(booking.status, 'confirmed'), lt(booking.startsAt, dayStart)),
		atSite(eq(booking.status, 'requested'), gte(booking.endsAt, now)),
		atSite(isNotNull(booking.flaggedAt), inArray(booking.status, ['requested', 'confirmed'])),
		query.q ? searchBookings(db, query.q, now) : Promise.resolve(null)
	]);
	return {
		sites: sites.map(({ slug, name }) => ({ slug, name })),
		site: { slug: place.slug, name: place.name },
		today,
		query: query.q ?? '',
		pickUps,
		returns: returns.filter((view) => !view.overdue),
		overdue,
		missed,
		requests,
		flagged,
		found
	};
}
