import { and, count, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDay } from '../../i18n/format';
import { pickLocalized } from '../../i18n/localized-text';
import { user } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { EXCLUSION_VIOLATION, sqlStateOf } from '../db/errors';
import { InvalidInput, Refused, TrainingRequired, Unavailable } from '../errors';
import { parseInput } from '../forms';
import { completedAmong } from '../learning/completed';
import { alternativesFor, type Alternatives } from './alternatives';
import { findBookable, scheduleOf, sitesLending, type Bookable, type LendingSite } from './bookable';
import { newBookingCode } from './booking-code';
import { queueBookingMail } from './booking-mail';
import { ACTIVE_STATUSES, booking, bookingUnit, type BookingStatus } from './bookings.table';
import type { LendingContext } from './context';
import { equipmentUnit } from './equipment.table';
import { breachesOf, type RuleBreach } from './rules';
import { bookingRequestSchema, type BookingRequest } from './schemas';

export type CreatedBooking = {
	id: string;
	code: string;
	status: BookingStatus;
	start: string;
	end: string;
	site: string;
	equipment: string;
	units: { assetTag: string }[];
};

const MINUTE = 60_000;

function describe(breach: RuleBreach): string {
	switch (breach.rule) {
		case 'end_before_start':
			return m.booking_rule_end_before_start();
		case 'in_past':
			return m.booking_rule_in_past();
		case 'too_far_ahead':
			return m.booking_rule_too_far_ahead({ days: breach.days });
		case 'too_long':
			return m.booking_rule_too_long({ days: breach.days });
		case 'site_closed_that_day':
			return m.booking_rule_site_closed({ date: formatDay(breach.date, 'long') });
		case 'outside_opening_hours':
			return m.booking_rule_outside_hours({
				date: formatDay(breach.date, 'long'),
				hours: breach.hours.join(', ')
			});
	}
}

/** Checks what can be checked before holding anything: the item, the site, the rules, the training. */
async function admissible(db: Database, actor: Actor, request: BookingRequest, context: LendingContext) {
	if (request.groupId) throw new InvalidInput([{ path: 'groupId', message: m.booking_group_unknown() }]);
	if (request.projectId)
		throw new InvalidInput([{ path: 'projectId', message: m.booking_project_unknown() }]);
	const item = await findBookable(db, request.equipment);
	if (!item) throw new InvalidInput([{ path: 'equipment', message: m.booking_unknown_equipment() }]);
	const site = (await sitesLending(db, item)).find((candidate) => candidate.slug === request.site);
	if (!site) throw new InvalidInput([{ path: 'site', message: m.booking_unknown_site() }]);
	const breaches = breachesOf(request, item.policy, await scheduleOf(db, site.id), {
		now: context.now(),
		timeZone: context.timeZone
	});
	if (breaches.length > 0) {
		throw new InvalidInput(breaches.map((breach) => ({ path: breach.path, message: describe(breach) })));
	}
	const done = await completedAmong(
		db,
		actor.userId,
		item.requiredModules.map((module) => module.id)
	);
	const missing = item.requiredModules.find((module) => !done.has(module.id));
	if (missing) {
		const title = pickLocalized(missing.title, getLocale());
		throw new TrainingRequired(m.booking_training_required({ module: title }), { slug: missing.slug, title });
	}
	return { item, site };
}

class NoFreeUnit extends Error {}

async function holdUnits(
	tx: Database,
	item: Bookable,
	site: LendingSite,
	bookingId: string,
	period: BookingRequest
) {
	const held: { assetTag: string }[] = [];
	for (const line of item.lines) {
		const blockedUntil = new Date(period.end.getTime() + line.bufferMinutes * MINUTE);
		// Units another booking is taking right now are skipped, not waited for: that booking
		// will hold them, and the exclusion constraint settles any race this misses.
		const units = await tx
			.select({ id: equipmentUnit.id, assetTag: equipmentUnit.assetTag })
			.from(equipmentUnit)
			.where(
				and(
					eq(equipmentUnit.modelId, line.modelId),
					eq(equipmentUnit.siteId, site.id),
					eq(equipmentUnit.status, 'in_service'),
					sql`not exists (select 1 from ${bookingUnit} where ${bookingUnit.unitId} = ${equipmentUnit.id}
						and ${bookingUnit.active}
						and tstzrange(${bookingUnit.startsAt}, ${bookingUnit.blockedUntil}, '[)')
							&& tstzrange(${period.start.toISOString()}::timestamptz, ${blockedUntil.toISOString()}::timestamptz, '[)'))`
				)
			)
			.orderBy(equipmentUnit.assetTag)
			.limit(line.quantity)
			.for('no key update', { skipLocked: true });
		if (units.length < line.quantity) throw new NoFreeUnit();
		await tx
			.insert(bookingUnit)
			.values(units.map((unit) => ({ bookingId, unitId: unit.id, startsAt: period.start, blockedUntil })));
		held.push(...units.map((unit) => ({ assetTag: unit.assetTag })));
	}
	return held;
}

async function insertBooking(
	tx: Database,
	values: Omit<typeof booking.$inferInsert, 'code'>
): Promise<{ id: string; code: string }> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const [row] = await tx
			.insert(booking)
			.values({ ...values, code: newBookingCode() })
			.onConflictDoNothing({ target: booking.code })
			.returning({ id: booking.id, code: booking.code });
		if (row) return row;
	}
	throw new Error('could not find a free booking code');
}

/**
 * Books a model or a kit for the signed-in resident. A free unit of each model is assigned in the
 * same transaction, or nothing is written; the database's exclusion constraint has the last word.
 */
export async function createBooking(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: LendingContext
): Promise<CreatedBooking> {
	authorize(actor, 'bookings.create');
	const request = parseInput(bookingRequestSchema, input);
	const { item, site } = await admissible(db, actor, request, context);
	const status: BookingStatus = item.approvalRequired ? 'requested' : 'confirmed';
	try {
		const created = await db.transaction(async (tx) => {
			// One booking at a time per person, so the limit below cannot be raced past.
			const [person] = await tx
				.select({ id: user.id, email: user.email, locale: user.locale })
				.from(user)
				.where(eq(user.id, actor.userId))
				.for('update');
			if (!person) throw new Refused('not_signed_in', m.error_sign_in_required(), 401);
			const [active] = await tx
				.select({ n: count() })
				.from(booking)
				.where(
					and(
						eq(booking.userId, actor.userId),
						inArray(booking.status, [...ACTIVE_STATUSES]),
						or(gt(booking.endsAt, context.now()), eq(booking.status, 'checked_out'))
					)
				);
			if ((active?.n ?? 0) >= context.activeBookingLimit) {
				throw new Refused('active_limit', m.booking_active_limit({ limit: context.activeBookingLimit }));
			}
			const row = await insertBooking(tx, {
				userId: actor.userId,
				modelId: item.kind === 'model' ? item.id : null,
				kitId: item.kind === 'kit' ? item.id : null,
				siteId: site.id,
				startsAt: request.start,
				endsAt: request.end,
				status,
				note: request.note ?? null
			});
			const units = await holdUnits(tx, item, site, row.id, request);
			await queueBookingMail(tx, context, status === 'requested' ? 'requested' : 'confirmed', {
				...row,
				item: item.name,
				site: site.name,
				start: request.start,
				end: request.end,
				person
			});
			return { ...row, units };
		});
		context.mailer.nudge();
		return {
			id: created.id,
			code: created.code,
			status,
			start: request.start.toISOString(),
			end: request.end.toISOString(),
			site: site.slug,
			equipment: item.slug,
			units: created.units
		};
	} catch (problem) {
		const lost = problem instanceof NoFreeUnit || sqlStateOf(problem) === EXCLUSION_VIOLATION;
		if (!lost) throw problem;
		const alternatives = await alternativesFor(db, item, site, request, context);
		throw new Unavailable<Alternatives>(m.booking_unavailable(), alternatives);
	}
}
