import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import { parseInput } from '../../forms';
import { isUuid } from '../../ids';
import { zonedInstant, addDays } from '../../../time/zoned';
import { ACTIVE_STATUSES, booking } from '../bookings.table';
import { site, siteClosure, siteOpeningHours } from '../sites.table';
import { localizedOf } from './fields';
import { closureSchema, parseSiteForm, type Slot } from './site-schemas';

const hhmm = (time: string) => time.slice(0, 5);
const hoursText = (slots: Slot[]) =>
	slots
		.map((slot) => `${slot.weekday} ${hhmm(slot.opensAt)}–${hhmm(slot.closesAt)}`)
		.sort()
		.join(', ');

/** The sites with their weekly hours, for the inventory. */
export async function listSites(db: Database, actor: Actor | null) {
	authorize(actor, 'inventory.manage');
	return db
		.select({ slug: site.slug, name: site.name, address: site.address })
		.from(site)
		.orderBy(asc(site.name));
}

async function siteBySlug(db: Database, slug: string, lock = false) {
	const query = db.select().from(site).where(eq(site.slug, slug));
	const [found] = lock ? await query.for('update') : await query;
	if (!found) throw new NotFound(m.site_not_found());
	return found;
}

const slotsOf = (db: Database, siteId: string) =>
	db
		.select({
			weekday: siteOpeningHours.weekday,
			opensAt: siteOpeningHours.opensAt,
			closesAt: siteOpeningHours.closesAt
		})
		.from(siteOpeningHours)
		.where(eq(siteOpeningHours.siteId, siteId))
		.orderBy(asc(siteOpeningHours.weekday), asc(siteOpeningHours.opensAt));

/** A site as its form shows it: details, weekly hours and closures from a month ago on. */
export async function getSiteForEdit(db: Database, actor: Actor | null, slug: string, today: string) {
	authorize(actor, 'inventory.manage');
	const place = await siteBySlug(db, slug);
	const [slots, closures] = await Promise.all([
		slotsOf(db, place.id),
		db
			.select()
			.from(siteClosure)
			.where(and(eq(siteClosure.siteId, place.id), gte(siteClosure.endsOn, addDays(today, -31))))
			.orderBy(asc(siteClosure.startsOn))
	]);
	return {
		site: place,
		slots: slots.map((slot) => ({ ...slot, opensAt: hhmm(slot.opensAt), closesAt: hhmm(slot.closesAt) })),
		closures
	};
}

/** Changes a site's details and weekly hours; bookings already made keep their times. */
export async function updateSite(db: Database, actor: Actor | null, slug: string, input: unknown) {
	authorize(actor, 'inventory.manage');
	const request = parseSiteForm(input);
	await db.transaction(async (tx) => {
		const place = await siteBySlug(tx, slug, true);
		const before = {
			name: place.name,
			address: place.address,
			latitude: place.latitude,
			longitude: place.longitude,
			hours: hoursText(await slotsOf(tx, place.id))
		};
		const after = {
			name: request.name,
			address: request.address,
			latitude: request.latitude,
			longitude: request.longitude,
			hours: hoursText(request.slots)
		};
		const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
			(key) => after[key] !== before[key]
		);
		if (changed.length === 0) return;
		await tx
			.update(site)
			.set({
				name: request.name,
				address: request.address,
				latitude: request.latitude,
				longitude: request.longitude
			})
			.where(eq(site.id, place.id));
		if (changed.includes('hours')) {
			await tx.delete(siteOpeningHours).where(eq(siteOpeningHours.siteId, place.id));
			if (request.slots.length > 0) {
				await tx
					.insert(siteOpeningHours)
					.values(request.slots.map((slot) => ({ siteId: place.id, ...slot })));
			}
		}
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'site.update',
			subjectType: 'site',
			subjectId: slug,
			before: Object.fromEntries(changed.map((key) => [key, before[key]])),
			after: Object.fromEntries(changed.map((key) => [key, after[key]]))
		});
	});
}

/**
 * Closes a site for some days. Bookings already made whose pick-up or return falls in them are
 * listed, so that the desk can call their residents: the portal does not cancel them by itself.
 */
export async function addClosure(
	db: Database,
	actor: Actor | null,
	slug: string,
	input: unknown,
	timeZone: string
) {
	authorize(actor, 'inventory.manage');
	const request = parseInput(closureSchema, input);
	return db.transaction(async (tx) => {
		const place = await siteBySlug(tx, slug);
		const reason = localizedOf(request.reasonFr, request.reasonEn);
		const [created] = await tx
			.insert(siteClosure)
			.values({ siteId: place.id, startsOn: request.startsOn, endsOn: request.endsOn, reason })
			.returning({ id: siteClosure.id });
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'site.closure_add',
			subjectType: 'site',
			subjectId: slug,
			after: { startsOn: request.startsOn, endsOn: request.endsOn, reason }
		});
		const from = zonedInstant(request.startsOn, '00:00', timeZone).toISOString();
		const to = zonedInstant(addDays(request.endsOn, 1), '00:00', timeZone).toISOString();
		const within = (column: typeof booking.startsAt) =>
			and(gte(column, sql`${from}::timestamptz`), lt(column, sql`${to}::timestamptz`));
		const affected = await tx
			.select({ id: booking.id, code: booking.code })
			.from(booking)
			.where(
				and(
					eq(booking.siteId, place.id),
					inArray(booking.status, [...ACTIVE_STATUSES]),
					or(within(booking.startsAt), within(booking.endsAt))
				)
			)
			.orderBy(booking.startsAt);
		return { id: created?.id ?? '', affected };
	});
}

/** Reopens the days of a closure. */
export async function removeClosure(db: Database, actor: Actor | null, slug: string, closureId: string) {
	authorize(actor, 'inventory.manage');
	await db.transaction(async (tx) => {
		const place = await siteBySlug(tx, slug);
		const [removed] = isUuid(closureId)
			? await tx
					.delete(siteClosure)
					.where(and(eq(siteClosure.id, closureId), eq(siteClosure.siteId, place.id)))
					.returning()
			: [];
		if (!removed) throw new NotFound(m.site_closure_not_found());
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'site.closure_remove',
			subjectType: 'site',
			subjectId: slug,
			before: { startsOn: removed.startsOn, endsOn: removed.endsOn, reason: removed.reason }
		});
	});
}
