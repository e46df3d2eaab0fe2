import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { booking } from '../bookings.table';
import type { LendingContext } from '../context';
import { noShowRefusal } from './rules';

export const noShowSchema = z.object({ bookingId: z.uuid({ error: () => m.booking_not_found() }) });

/**
 * Records that nobody came for a confirmed booking once its start has passed: the booking ends as a
 * no-show (kept for reports) and its units are free again for the rest of the period.
 */
export async function recordNoShow(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: Pick<LendingContext, 'now' | 'unitsReleased'>
) {
	authorize(actor, 'desk.work');
	const { bookingId } = parseInput(noShowSchema, input);
	const now = context.now();
	await db.transaction(async (tx) => {
		const [found] = await tx.select().from(booking).where(eq(booking.id, bookingId)).for('update');
		if (!found) throw new NotFound(m.booking_not_found());
		const refusal = noShowRefusal({ status: found.status, start: found.startsAt, end: found.endsAt }, now);
		if (refusal === 'not_confirmed') throw new Refused(refusal, m.desk_no_show_not_confirmed());
		if (refusal === 'not_started') throw new Refused(refusal, m.desk_no_show_too_early());
		await tx
			.update(booking)
			.set({ status: 'no_show' })
			.where(and(eq(booking.id, bookingId), eq(booking.status, 'confirmed')));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'booking.no_show',
			subjectType: 'booking',
			subjectId: bookingId,
			before: { status: found.status },
			after: { status: 'no_show' }
		});
	});
	context.unitsReleased();
}
