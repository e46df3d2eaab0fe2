import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { EXCLUSION_VIOLATION, sqlStateOf, UNIQUE_VIOLATION } from '../../db/errors';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { withStoredPhoto } from '../../media/stored-photo';
import { heldUnits, type HeldUnit } from './held-units';
import { handOutRefusal } from './rules';

const handOutMessages = {
	not_approved: m.desk_not_approved,
	not_ready: m.desk_not_ready_for_hand_out,
	too_early: m.desk_too_early,
	too_late: m.desk_too_late
};
import { booking, bookingHandover, bookingUnit } from '../bookings.table';
import type { LendingContext } from '../context';
import { equipmentUnit } from '../equipment.table';

/** What the desk noted about the units' condition at a hand-over. */
export const conditionField = z
	.string()
	.trim()
	.max(1000, { error: () => m.desk_condition_too_long() })
	.default('');

export const handOutSchema = z.object({
	bookingId: z.uuid({ error: () => m.booking_not_found() }),
	condition: conditionField,
	/** The asset tag actually handed out for each held unit (by the held unit's id), when it differs. */
	handedOut: z
		.record(z.uuid(), z.string().trim().max(60))
		.default({})
		.transform((tags) => Object.fromEntries(Object.entries(tags).filter(([, tag]) => tag !== ''))),
	/** An optional photo of the units as they leave (its type is checked from its content). */
	photo: z.instanceof(Uint8Array).optional()
});

/**
 * Puts another unit of the same model and site in the held one's place, when the one assigned is
 * not on the shelf. The exclusion constraint decides whether it is free for the whole booking.
 */
async function swapUnit(db: Database, bookingId: string, held: HeldUnit, tag: string): Promise<HeldUnit> {
	const [other] = await db
		.select({
			id: equipmentUnit.id,
			assetTag: equipmentUnit.assetTag,
			modelId: equipmentUnit.modelId,
			siteId: equipmentUnit.siteId,
			status: equipmentUnit.status
		})
		.from(equipmentUnit)
		.where(eq(equipmentUnit.assetTag, tag.toUpperCase()));
	if (!other) throw new Refused('unknown_unit', m.desk_unit_unknown({ tag }), 400);
	if (other.modelId !== held.modelId || other.siteId !== held.siteId) {
		throw new Refused('other_model', m.desk_unit_other_model({ tag: other.assetTag }));
	}
	if (other.status !== 'in_service')
		throw new Refused('out_of_service', m.desk_unit_out_of_service({ tag: other.assetTag }));
	try {
		await db.transaction(async (savepoint) => {
			await savepoint
				.update(bookingUnit)
				.set({ unitId: other.id })
				.where(and(eq(bookingUnit.bookingId, bookingId), eq(bookingUnit.unitId, held.id)));
		});
	} catch (problem) {
		const state = sqlStateOf(problem);
		if (state === EXCLUSION_VIOLATION || state === UNIQUE_VIOLATION) {
			throw new Refused('unit_not_free', m.desk_unit_not_free({ tag: other.assetTag }));
		}
		throw problem;
	}
	return other;
}

/**
 * Hands a confirmed booking's units to the resident, a kit as one: each unit actually handed out
 * (swapped when needed), its condition noted, the booking checked out, the desk member logged.
 * Only on the day of pick-up or later, and before the booking ends.
 */
export async function handOut(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: Pick<LendingContext, 'now' | 'timeZone' | 'media'>
) {
	authorize(actor, 'desk.work');
	const request = parseInput(handOutSchema, input);
	const now = context.now();
	await withStoredPhoto(context.media, 'handovers', request.photo, (photoKey) =>
		db.transaction(async (tx) => {
			const [found] = await tx.select().from(booking).where(eq(booking.id, request.bookingId)).for('update');
			if (!found) throw new NotFound(m.booking_not_found());
			const refusal = handOutRefusal(
				{ status: found.status, start: found.startsAt, end: found.endsAt },
				now,
				context.timeZone
			);
			if (refusal) throw new Refused(refusal, handOutMessages[refusal]());
			const held = await heldUnits(tx, found.id);
			const out: HeldUnit[] = [];
			for (const unit of held) {
				const tag = request.handedOut[unit.id];
				if (tag && tag.toUpperCase() !== unit.assetTag) out.push(await swapUnit(tx, found.id, unit, tag));
				else if (unit.status !== 'in_service') {
					// Taken out of service since it was booked: another unit must go in its place.
					throw new Refused('held_out_of_service', m.desk_held_unit_out_of_service({ tag: unit.assetTag }));
				} else out.push(unit);
			}
			await tx.insert(bookingHandover).values(
				out.map((unit) => ({
					bookingId: found.id,
					unitId: unit.id,
					kind: 'check_out' as const,
					condition: request.condition,
					photoKey,
					staffId: actor.userId,
					at: now
				}))
			);
			await tx
				.update(booking)
				// Every unit handed out is in service: whatever was flagged is settled.
				.set({ status: 'checked_out', checkedOutAt: now, flaggedAt: null, flagReason: null })
				.where(eq(booking.id, found.id));
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'booking.hand_out',
				subjectType: 'booking',
				subjectId: found.id,
				before: { status: found.status, units: held.map((unit) => unit.assetTag) },
				after: {
					status: 'checked_out',
					units: out.map((unit) => unit.assetTag),
					condition: request.condition,
					photo: photoKey !== null
				}
			});
		})
	);
}
