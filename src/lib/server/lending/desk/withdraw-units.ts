import { and, eq, gt, inArray, ne, notExists, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record';
import type { Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { EXCLUSION_VIOLATION, sqlStateOf } from '../../db/errors';
import { bookingForMail } from '../booking-for-mail';
import { queueBookingMail } from '../booking-mail';
import { booking, bookingUnit } from '../bookings.table';
import type { LendingContext } from '../context';
import { equipmentUnit } from '../equipment.table';
import { freeUnits } from './free-units';

type Context = Pick<LendingContext, 'now' | 'timeZone' | 'mailer' | 'origin'>;

type WithdrawnUnit = {
	id: string;
	assetTag: string;
	modelId: string;
	siteId: string;
	/** What the unit was and becomes; by default a unit in service found damaged. */
	from?: 'in_service' | 'out_of_service' | 'retired';
	to?: 'out_of_service' | 'retired';
};

/** Another unit of the same model and site, in service and free for the whole hold, if any. */
async function replacementFor(
	db: Database,
	unit: WithdrawnUnit,
	hold: { startsAt: Date; blockedUntil: Date }
) {
	const [free] = await freeUnits(db, {
		modelIds: [unit.modelId],
		siteId: unit.siteId,
		except: [unit.id],
		...hold
	})
		.limit(1)
		.for('no key update', { skipLocked: true });
	return free;
}

/**
 * Units just taken out of service stop holding anything ahead: each booking still to come that
 * held one moves to another free unit of the same model and site, or, when none is free, is
 * flagged for the desk and its resident told. Runs in the caller's transaction.
 */
export async function withdrawUnits(
	db: Database,
	actor: Actor,
	units: WithdrawnUnit[],
	context: Context
): Promise<{ moved: number; flagged: number }> {
	const now = context.now();
	let moved = 0;
	let flagged = 0;
	for (const unit of units) {
		const to = unit.to ?? 'out_of_service';
		await recordAudit(db, {
			actorId: actor.userId,
			action: to === 'retired' ? 'unit.retire' : 'unit.out_of_service',
			subjectType: 'equipment_unit',
			subjectId: unit.id,
			before: { status: unit.from ?? 'in_service' },
			after: { status: to }
		});
		const holds = await db
			.select({
				bookingId: bookingUnit.bookingId,
				startsAt: bookingUnit.startsAt,
				blockedUntil: bookingUnit.blockedUntil
			})
			.from(bookingUnit)
			.innerJoin(booking, eq(booking.id, bookingUnit.bookingId))
			.where(
				and(
					eq(bookingUnit.unitId, unit.id),
					eq(bookingUnit.active, true),
					gt(bookingUnit.blockedUntil, now),
					inArray(booking.status, ['requested', 'confirmed'])
				)
			)
			.orderBy(bookingUnit.startsAt);
		for (const hold of holds) {
			const replacement = await replacementFor(db, unit, hold);
			if (replacement && (await moveHold(db, hold.bookingId, unit.id, replacement.id))) {
				moved += 1;
				await recordAudit(db, {
					actorId: actor.userId,
					action: 'booking.reassign',
					subjectType: 'booking',
					subjectId: hold.bookingId,
					before: { unit: unit.assetTag },
					after: { unit: replacement.assetTag }
				});
				continue;
			}
			flagged += 1;
			await db
				.update(booking)
				.set({ flaggedAt: now, flagReason: 'unit_out_of_service' })
				.where(eq(booking.id, hold.bookingId));
			await recordAudit(db, {
				actorId: actor.userId,
				action: 'booking.flag',
				subjectType: 'booking',
				subjectId: hold.bookingId,
				after: { flagReason: 'unit_out_of_service', unit: unit.assetTag }
			});
			const forMail = await bookingForMail(db, hold.bookingId);
			if (forMail) await queueBookingMail(db, context, 'unit_withdrawn', forMail);
		}
	}
	return { moved, flagged };
}

/** Moves one hold to another unit; false when the database finds it taken after all. */
async function moveHold(db: Database, bookingId: string, from: string, to: string) {
	try {
		await db.transaction(async (savepoint) => {
			await savepoint
				.update(bookingUnit)
				.set({ unitId: to })
				.where(and(eq(bookingUnit.bookingId, bookingId), eq(bookingUnit.unitId, from)));
		});
		return true;
	} catch (problem) {
		if (sqlStateOf(problem) === EXCLUSION_VIOLATION) return false;
		throw problem;
	}
}

/**
 * A unit back in service: the bookings flagged because it had left, and that hold no other unit
 * still out of service, need the desk's attention no more.
 */
export async function clearUnitFlags(db: Database, actor: Actor, unitId: string): Promise<number> {
	const otherUnitOut = db
		.select({ one: sql`1` })
		.from(bookingUnit)
		.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
		.where(and(eq(bookingUnit.bookingId, booking.id), ne(equipmentUnit.status, 'in_service')));
	const holdingIt = db
		.select({ bookingId: bookingUnit.bookingId })
		.from(bookingUnit)
		.where(and(eq(bookingUnit.unitId, unitId), eq(bookingUnit.active, true)));
	const cleared = await db
		.update(booking)
		.set({ flaggedAt: null, flagReason: null })
		.where(
			and(
				eq(booking.flagReason, 'unit_out_of_service'),
				inArray(booking.id, holdingIt),
				notExists(otherUnitOut)
			)
		)
		.returning({ id: booking.id });
	for (const { id } of cleared) {
		await recordAudit(db, {
			actorId: actor.userId,
			action: 'booking.unflag',
			subjectType: 'booking',
			subjectId: id,
			before: { flagReason: 'unit_out_of_service' },
			after: { flagReason: null }
		});
	}
	return cleared.length;
}
