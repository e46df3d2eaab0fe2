import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import type { Database } from '../db/client';
import { zonedParts } from '../../time/zoned';
import { asBookingForMail, selectBookingsForMail } from './booking-for-mail';
import { queueBookingMail, type BookingMailKind } from './booking-mail';
import { booking } from './bookings.table';
import type { LendingContext } from './context';

type Context = Pick<LendingContext, 'mailer' | 'origin' | 'timeZone' | 'now'>;

const EARLIEST_HOUR = 8; // nobody gets a reminder in the night
const OVERDUE_GRACE_MINUTES = 30;
const DAY = 86_400_000;

type SentColumn = 'pickupReminderSentAt' | 'returnReminderSentAt' | 'overdueNoticeSentAt';

/**
 * Sends one kind of booking message to every booking `due` selects, once: the "sent" column is
 * set in the same transaction, and rows are claimed with SKIP LOCKED so that two instances running
 * the same job never mail twice.
 */
async function sendOnce(
	db: Database,
	context: Context,
	kind: BookingMailKind,
	column: SentColumn,
	due: ReturnType<typeof and>,
	respectPreference: boolean
): Promise<number> {
	const sent = await db.transaction(async (tx) => {
		const rows = await selectBookingsForMail(tx)
			.where(
				and(due, isNull(booking[column]), respectPreference ? eq(user.notifyReminders, true) : undefined)
			)
			.limit(500)
			.for('update', { of: booking, skipLocked: true });
		for (const row of rows) {
			await queueBookingMail(tx, context, kind, asBookingForMail(row));
		}
		if (rows.length > 0) {
			await tx
				.update(booking)
				.set({ [column]: context.now() })
				.where(
					inArray(
						booking.id,
						rows.map((row) => row.id)
					)
				);
		}
		return rows.length;
	});
	if (sent > 0) context.mailer.nudge();
	return sent;
}

/** The city's calendar date of an instant, as SQL sees it. */
const cityDate = (column: AnyPgColumn, timeZone: string) => sql`(${column} at time zone ${timeZone})::date`;

function daytime(context: Context) {
	return zonedParts(context.now(), context.timeZone).minutes >= EARLIEST_HOUR * 60;
}

/** The day before pick-up (not for bookings made that same day: they just got their confirmation). */
export async function sendPickupReminders(db: Database, context: Context): Promise<number> {
	if (!daytime(context)) return 0;
	const today = zonedParts(context.now(), context.timeZone).date;
	const tomorrow = zonedParts(new Date(context.now().getTime() + DAY), context.timeZone).date;
	return sendOnce(
		db,
		context,
		'pickup_reminder',
		'pickupReminderSentAt',
		and(
			eq(booking.status, 'confirmed'),
			sql`${cityDate(booking.startsAt, context.timeZone)} = ${tomorrow}::date`,
			sql`${cityDate(booking.createdAt, context.timeZone)} < ${today}::date`
		),
		true
	);
}

/** On the return day, while there is still time to bring it back. */
export async function sendReturnReminders(db: Database, context: Context): Promise<number> {
	if (!daytime(context)) return 0;
	const today = zonedParts(context.now(), context.timeZone).date;
	return sendOnce(
		db,
		context,
		'return_reminder',
		'returnReminderSentAt',
		and(
			eq(booking.status, 'checked_out'),
			sql`${cityDate(booking.endsAt, context.timeZone)} = ${today}::date`,
			sql`${booking.endsAt} > ${context.now().toISOString()}::timestamptz`
		),
		true
	);
}

/** Once a loan is late: others are waiting for it, so this one goes whatever the preferences. */
export async function sendOverdueNotices(db: Database, context: Context): Promise<number> {
	const late = new Date(context.now().getTime() - OVERDUE_GRACE_MINUTES * 60_000);
	return sendOnce(
		db,
		context,
		'overdue',
		'overdueNoticeSentAt',
		and(eq(booking.status, 'checked_out'), lt(booking.endsAt, late)),
		false
	);
}
