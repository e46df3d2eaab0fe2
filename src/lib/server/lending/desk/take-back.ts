import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { conditionField } from './hand-out';
import { withStoredPhoto } from '../../media/stored-photo';
import { heldUnits } from './held-units';
import { booking, bookingHandover } from '../bookings.table';
import type { LendingContext } from '../context';
import { equipmentUnit } from '../equipment.table';
import { withdrawUnits } from './withdraw-units';

export const takeBackSchema = z.object({
	bookingId: z.uuid({ error: () => m.booking_not_found() }),
	condition: conditionField,
	/** Units found damaged (by id): they go out of service. */
	damaged: z
		.union([z.uuid(), z.array(z.uuid())])
		.optional()
		.transform((ids) => (ids === undefined ? [] : Array.isArray(ids) ? ids : [ids])),
	/** An optional photo of the units as they come back, damage included. */
	photo: z.instanceof(Uint8Array).optional()
});

type Context = Pick<LendingContext, 'now' | 'timeZone' | 'mailer' | 'origin' | 'unitsReleased' | 'media'>;

/**
 * Takes a loan back: the condition of each unit noted, the booking returned (late when after its
 * end), and damaged units withdrawn, with the bookings that held them moved or flagged.
 */
export async function takeBack(db: Database, actor: Actor | null, input: unknown, context: Context) {
	authorize(actor, 'desk.work');
	const request = parseInput(takeBackSchema, input);
	const now = context.now();
	const outcome = await withStoredPhoto(context.media, 'handovers', request.photo, (photoKey) =>
		db.transaction(async (tx) => {
			const [found] = await tx.select().from(booking).where(eq(booking.id, request.bookingId)).for('update');
			if (!found) throw new NotFound(m.booking_not_found());
			if (found.status !== 'checked_out') throw new Refused('not_out', m.desk_not_out());
			const held = await heldUnits(tx, found.id);
			const damaged = held.filter((unit) => request.damaged.includes(unit.id));
			if (damaged.length !== request.damaged.length)
				throw new Refused('not_held', m.desk_damage_unknown_unit(), 400);
			await tx.insert(bookingHandover).values(
				held.map((unit) => ({
					bookingId: found.id,
					unitId: unit.id,
					kind: 'check_in' as const,
					condition: request.condition,
					damaged: damaged.includes(unit),
					photoKey,
					staffId: actor.userId,
					at: now
				}))
			);
			await tx.update(booking).set({ status: 'returned', returnedAt: now }).where(eq(booking.id, found.id));
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'booking.take_back',
				subjectType: 'booking',
				subjectId: found.id,
				before: { status: found.status },
				after: {
					status: 'returned',
					late: now > found.endsAt,
					condition: request.condition,
					damaged: damaged.map((unit) => unit.assetTag),
					photo: photoKey !== null
				}
			});
			// A unit already out of service or retired while on loan stays as it is.
			const withdrawn = damaged.filter((unit) => unit.status === 'in_service');
			if (withdrawn.length === 0) return { flagged: 0 };
			await tx
				.update(equipmentUnit)
				.set({ status: 'out_of_service' })
				.where(
					inArray(
						equipmentUnit.id,
						withdrawn.map((unit) => unit.id)
					)
				);
			return withdrawUnits(tx, actor, withdrawn, context);
		})
	);
	context.unitsReleased();
	if (outcome.flagged > 0) context.mailer.nudge();
}
