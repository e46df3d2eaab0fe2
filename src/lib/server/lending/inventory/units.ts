import { and, asc, desc, eq, gt, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { LocalizedText } from '../../../i18n/localized-text';
import { auditEvent } from '../../audit/audit.table';
import { changesOf } from '../../audit/list';
import { recordAudit } from '../../audit/record';
import { user } from '../../auth/auth.table';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { containing } from '../../db/like';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../db/errors';
import { InvalidInput, NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { isUuid } from '../../ids';
import { booking, bookingHandover, bookingUnit } from '../bookings.table';
import type { LendingContext } from '../context';
import { clearUnitFlags, withdrawUnits } from '../desk/withdraw-units';
import { equipmentModel, equipmentUnit } from '../equipment.table';
import { site } from '../sites.table';
import { newUnitSchema, unitChangeSchema, unitFilterSchema } from './unit-schemas';

export type UnitRow = {
	id: string;
	assetTag: string;
	status: 'in_service' | 'out_of_service' | 'retired';
	serialNumber: string | null;
	notes: string | null;
	model: { slug: string; name: LocalizedText };
	site: { slug: string; name: string };
};

/** The most units a list shows at once; a city's whole inventory is narrowed with the filters. */
export const LIST_LIMIT = 500;

function readUnits(db: Database, where: SQL | undefined): Promise<UnitRow[]> {
	return db
		.select({
			id: equipmentUnit.id,
			assetTag: equipmentUnit.assetTag,
			status: equipmentUnit.status,
			serialNumber: equipmentUnit.serialNumber,
			notes: equipmentUnit.notes,
			model: { slug: equipmentModel.slug, name: equipmentModel.name },
			site: { slug: site.slug, name: site.name }
		})
		.from(equipmentUnit)
		.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
		.innerJoin(site, eq(site.id, equipmentUnit.siteId))
		.where(where)
		.orderBy(asc(site.name), asc(equipmentUnit.assetTag))
		.limit(LIST_LIMIT + 1);
}

/** The units, filtered by site, model, status or part of a tag or serial number. */
export async function listUnits(db: Database, actor: Actor | null, input: unknown) {
	authorize(actor, 'inventory.manage');
	const filter = parseInput(unitFilterSchema, input);
	const [sites, models, units] = await Promise.all([
		db.select({ slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name)),
		db
			.select({ slug: equipmentModel.slug, name: equipmentModel.name })
			.from(equipmentModel)
			.orderBy(asc(equipmentModel.slug)),
		readUnits(
			db,
			and(
				filter.site ? eq(site.slug, filter.site) : undefined,
				filter.model ? eq(equipmentModel.slug, filter.model) : undefined,
				filter.status ? eq(equipmentUnit.status, filter.status) : undefined,
				filter.q
					? or(
							ilike(equipmentUnit.assetTag, containing(filter.q)),
							ilike(equipmentUnit.serialNumber, containing(filter.q))
						)
					: undefined
			)
		)
	]);
	// More than a screen can hold: the page says so, and the filters narrow it down.
	return { filter, sites, models, units: units.slice(0, LIST_LIMIT), truncated: units.length > LIST_LIMIT };
}

/** Units by id, for a label sheet; callers check the permission. */
export const unitsById = (db: Database, ids: string[]) => readUnits(db, inArray(equipmentUnit.id, ids));

/** One unit with its history: the loans that held it, what the desk noted, and every change. */
export async function getUnit(db: Database, actor: Actor | null, id: string) {
	authorize(actor, 'inventory.manage');
	const [unit] = isUuid(id) ? await readUnits(db, eq(equipmentUnit.id, id)) : [];
	if (!unit) throw new NotFound(m.unit_not_found());
	const [loans, handovers, changes, sites] = await Promise.all([
		db
			.select({
				id: booking.id,
				code: booking.code,
				status: booking.status,
				start: booking.startsAt,
				end: booking.endsAt
			})
			.from(bookingUnit)
			.innerJoin(booking, eq(booking.id, bookingUnit.bookingId))
			.where(eq(bookingUnit.unitId, id))
			.orderBy(desc(booking.startsAt))
			.limit(50),
		db
			.select({
				id: bookingHandover.id,
				bookingId: bookingHandover.bookingId,
				kind: bookingHandover.kind,
				condition: bookingHandover.condition,
				damaged: bookingHandover.damaged,
				staff: user.name,
				at: bookingHandover.at
			})
			.from(bookingHandover)
			.leftJoin(user, eq(user.id, bookingHandover.staffId))
			.where(eq(bookingHandover.unitId, id))
			.orderBy(desc(bookingHandover.at))
			.limit(50),
		db
			.select({
				id: auditEvent.id,
				action: auditEvent.action,
				before: auditEvent.before,
				after: auditEvent.after,
				at: auditEvent.at,
				who: user.name
			})
			.from(auditEvent)
			.leftJoin(user, eq(user.id, auditEvent.actorId))
			.where(and(eq(auditEvent.subjectType, 'equipment_unit'), eq(auditEvent.subjectId, id)))
			.orderBy(desc(auditEvent.at))
			.limit(50),
		db.select({ slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name))
	]);
	return {
		unit,
		loans,
		handovers,
		changes: changes.map(({ before, after, ...change }) => ({ ...change, fields: changesOf(before, after) })),
		sites
	};
}

async function idOf(
	db: Database,
	table: typeof site | typeof equipmentModel,
	slug: string,
	path: string,
	message: string
) {
	const [found] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
	if (!found) throw new InvalidInput([{ path, message }]);
	return found.id;
}

/** Adds a unit to the inventory, in service. */
export async function createUnit(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: Pick<LendingContext, 'unitsReleased'>
) {
	authorize(actor, 'inventory.manage');
	const request = parseInput(newUnitSchema, input);
	try {
		const id = await db.transaction(async (tx) => {
			const modelId = await idOf(tx, equipmentModel, request.model, 'model', m.unit_model_required());
			const siteId = await idOf(tx, site, request.site, 'site', m.unit_site_required());
			const [created] = await tx
				.insert(equipmentUnit)
				.values({
					modelId,
					siteId,
					assetTag: request.assetTag,
					serialNumber: request.serialNumber,
					notes: request.notes
				})
				.returning({ id: equipmentUnit.id });
			if (!created) throw new Error('unit not created');
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'unit.create',
				subjectType: 'equipment_unit',
				subjectId: created.id,
				after: { ...request, status: 'in_service' }
			});
			return created.id;
		});
		// One more unit: someone on the waitlist may now get it.
		context.unitsReleased();
		return id;
	} catch (problem) {
		if (sqlStateOf(problem) === UNIQUE_VIOLATION) {
			throw new InvalidInput([{ path: 'assetTag', message: m.unit_tag_taken() }]);
		}
		throw problem;
	}
}

type UpdateContext = Pick<LendingContext, 'now' | 'timeZone' | 'mailer' | 'origin' | 'unitsReleased'>;

/**
 * Changes a unit's site, serial number, notes or status. Taking it out of service or retiring it
 * moves or flags the bookings ahead that held it; moving it to another site is refused while
 * bookings ahead still hold it at this one.
 */
export async function updateUnit(db: Database, actor: Actor | null, input: unknown, context: UpdateContext) {
	authorize(actor, 'inventory.manage');
	const request = parseInput(unitChangeSchema, input);
	const outcome = await db.transaction(async (tx) => {
		const [found] = await tx
			.select({ unit: equipmentUnit, site: site.slug })
			.from(equipmentUnit)
			.innerJoin(site, eq(site.id, equipmentUnit.siteId))
			.where(eq(equipmentUnit.id, request.id))
			.for('update', { of: equipmentUnit });
		if (!found) throw new NotFound(m.unit_not_found());
		const { unit } = found;
		const siteId = await idOf(tx, site, request.site, 'site', m.unit_site_required());
		if (siteId !== unit.siteId && (await heldAhead(tx, unit.id, context.now()))) {
			throw new Refused('unit_has_bookings', m.unit_move_has_bookings());
		}
		const before = {
			site: found.site,
			serialNumber: unit.serialNumber,
			notes: unit.notes,
			status: unit.status
		};
		const after = {
			site: request.site,
			serialNumber: request.serialNumber,
			notes: request.notes,
			status: request.status
		};
		const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
			(key) => after[key] !== before[key]
		);
		const nothing = { withdrawn: { moved: 0, flagged: 0 }, backInService: false };
		if (changed.length === 0) return nothing;
		await tx
			.update(equipmentUnit)
			.set({ siteId, serialNumber: request.serialNumber, notes: request.notes, status: request.status })
			.where(eq(equipmentUnit.id, unit.id));
		// Leaving service is audited, with the bookings it moves or flags, by withdrawUnits.
		const withdrawing = unit.status === 'in_service' && request.status !== 'in_service';
		const fields = changed.filter((key) => key !== 'status' || !withdrawing);
		if (fields.length > 0) {
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'unit.update',
				subjectType: 'equipment_unit',
				subjectId: unit.id,
				before: Object.fromEntries(fields.map((key) => [key, before[key]])),
				after: Object.fromEntries(fields.map((key) => [key, after[key]]))
			});
		}
		if (withdrawing) {
			const to = request.status === 'retired' ? 'retired' : 'out_of_service';
			return { ...nothing, withdrawn: await withdrawUnits(tx, actor, [{ ...unit, siteId, to }], context) };
		}
		const backInService = request.status === 'in_service' && unit.status !== 'in_service';
		if (backInService) await clearUnitFlags(tx, actor, unit.id);
		return { ...nothing, backInService };
	});
	if (outcome.withdrawn.flagged > 0) context.mailer.nudge();
	if (outcome.backInService) context.unitsReleased();
	return outcome.withdrawn;
}

/** Whether a booking still to come, or a loan not yet back (overdue included), holds the unit. */
async function heldAhead(db: Database, unitId: string, now: Date): Promise<boolean> {
	const [hold] = await db
		.select({ bookingId: bookingUnit.bookingId })
		.from(bookingUnit)
		.innerJoin(booking, eq(booking.id, bookingUnit.bookingId))
		.where(
			and(
				eq(bookingUnit.unitId, unitId),
				eq(bookingUnit.active, true),
				or(gt(bookingUnit.blockedUntil, now), eq(booking.status, 'checked_out'))
			)
		)
		.limit(1);
	return hold !== undefined;
}
