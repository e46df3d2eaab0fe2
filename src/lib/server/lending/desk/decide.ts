import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { bookingForMail } from '../booking-for-mail';
import { queueBookingMail } from '../booking-mail';
import { booking } from '../bookings.table';
import type { LendingContext } from '../context';
import { requestExpired } from './rules';

type Context = Pick<LendingContext, 'mailer' | 'origin' | 'timeZone' | 'now' | 'unitsReleased'>;

const bookingId = z.uuid({ error: () => m.booking_not_found() });

export const approvalSchema = z.object({ bookingId });

export const rejectionSchema = z.object({
	bookingId,
	reason: z
		.string({ error: () => m.desk_reason_required() })
		.trim()
		.min(3, { error: () => m.desk_reason_required() })
		.max(1000, { error: () => m.desk_reason_too_long() })
});

/**
 * Approves or rejects a request awaiting the desk, tells the resident in their language, and
 * logs who decided: all in one transaction. A request already decided is refused (409), so two
 * staff members deciding at once cannot both win.
 */
async function decide(
	db: Database,
	actor: Actor,
	decision: { bookingId: string; status: 'confirmed' | 'rejected'; reason: string | null },
	context: Context
) {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select({ status: booking.status, end: booking.endsAt })
			.from(booking)
			.where(eq(booking.id, decision.bookingId))
			.for('update');
		if (!before) throw new NotFound(m.booking_not_found());
		if (
			decision.status === 'confirmed' &&
			before.status === 'requested' &&
			requestExpired(before, context.now())
		) {
			throw new Refused('request_expired', m.desk_request_expired());
		}
		const [after] = await tx
			.update(booking)
			.set({
				status: decision.status,
				decidedAt: context.now(),
				decidedBy: actor.userId,
				decisionReason: decision.reason
			})
			.where(and(eq(booking.id, decision.bookingId), eq(booking.status, 'requested')))
			.returning({ status: booking.status, decisionReason: booking.decisionReason });
		if (!after) throw new Refused('not_pending', m.desk_request_already_decided());
		await recordAudit(tx, {
			actorId: actor.userId,
			action: decision.status === 'confirmed' ? 'booking.approve' : 'booking.reject',
			subjectType: 'booking',
			subjectId: decision.bookingId,
			before: { status: before.status },
			after
		});
		const forMail = await bookingForMail(tx, decision.bookingId);
		if (forMail) {
			await queueBookingMail(tx, context, decision.status === 'confirmed' ? 'approved' : 'rejected', forMail);
		}
	});
	context.mailer.nudge();
	if (decision.status === 'rejected') context.unitsReleased();
}

export async function approveRequest(db: Database, actor: Actor | null, input: unknown, context: Context) {
	authorize(actor, 'bookings.decide');
	const { bookingId: id } = parseInput(approvalSchema, input);
	await decide(db, actor, { bookingId: id, status: 'confirmed', reason: null }, context);
}

export async function rejectRequest(db: Database, actor: Actor | null, input: unknown, context: Context) {
	authorize(actor, 'bookings.decide');
	const { bookingId: id, reason } = parseInput(rejectionSchema, input);
	await decide(db, actor, { bookingId: id, status: 'rejected', reason }, context);
}
