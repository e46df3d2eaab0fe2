import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	customType,
	index,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { equipmentModel, equipmentUnit, kit } from './equipment.table';
import { site } from './sites.table';

/** A transaction id (Postgres' 64-bit `xid8`), carried as text. */
const transactionId = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const bookingStatus = pgEnum('booking_status', [
	'requested',
	'confirmed',
	'checked_out',
	'returned',
	'cancelled',
	'rejected',
	'no_show'
]);

export type BookingStatus = (typeof bookingStatus.enumValues)[number];

/** States in which a booking holds its units; the exclusion constraint only looks at these. */
export const ACTIVE_STATUSES = ['requested', 'confirmed', 'checked_out'] as const satisfies BookingStatus[];

const when = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A resident's booking of one model or one kit at a site for [startsAt, endsAt).
 * The units it holds are in booking_unit, where the database forbids overlaps.
 */
export const booking = pgTable(
	'booking',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		code: text('code').notNull().unique(),
		// Set null when the account is deleted: the lending history stays, anonymised.
		userId: uuid('user_id').references(() => user.id, { onDelete: 'set null' }),
		modelId: uuid('model_id').references(() => equipmentModel.id, { onDelete: 'restrict' }),
		kitId: uuid('kit_id').references(() => kit.id, { onDelete: 'restrict' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'restrict' }),
		startsAt: when('starts_at').notNull(),
		endsAt: when('ends_at').notNull(),
		status: bookingStatus('status').notNull(),
		note: text('note'),
		createdAt: when('created_at').notNull().defaultNow(),
		updatedAt: when('updated_at')
			.notNull()
			.defaultNow()
			.$onUpdate(() => new Date()),
		cancelledAt: when('cancelled_at'),
		decidedAt: when('decided_at'),
		decidedBy: uuid('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decisionReason: text('decision_reason'),
		checkedOutAt: when('checked_out_at'),
		returnedAt: when('returned_at'),
		pickupReminderSentAt: when('pickup_reminder_sent_at'),
		returnReminderSentAt: when('return_reminder_sent_at'),
		overdueNoticeSentAt: when('overdue_notice_sent_at'),
		/**
		 * Set when the desk must look at the booking before pick-up: a unit it held went out of
		 * service and no other free unit could take its place.
		 */
		flaggedAt: when('flagged_at'),
		flagReason: text('flag_reason', { enum: ['unit_out_of_service'] })
	},
	(table) => [
		check('booking_code_check', sql`${table.code} ~ '^[A-HJ-NP-Z2-9]{6}$'`),
		check('booking_period_check', sql`${table.startsAt} < ${table.endsAt}`),
		check('booking_item_check', sql`num_nonnulls(${table.modelId}, ${table.kitId}) = 1`),
		check('booking_note_check', sql`length(${table.note}) <= 500`),
		check('booking_flag_check', sql`(${table.flaggedAt} is null) = (${table.flagReason} is null)`),
		check('booking_flag_reason_check', sql`${table.flagReason} in ('unit_out_of_service')`),
		check('booking_decision_reason_check', sql`length(${table.decisionReason}) <= 1000`),
		index('booking_user_idx').on(table.userId, table.startsAt),
		index('booking_site_start_idx').on(table.siteId, table.startsAt),
		index('booking_status_idx').on(table.status, table.startsAt)
	]
);

/**
 * A unit held by a booking from its start until its end plus the model's turnaround buffer.
 * `active` mirrors the booking's status (a trigger keeps it in step); the migration adds
 * EXCLUDE USING gist (unit_id WITH =, tstzrange(starts_at, blocked_until) WITH &&) WHERE (active).
 */
export const bookingUnit = pgTable(
	'booking_unit',
	{
		bookingId: uuid('booking_id')
			.notNull()
			.references(() => booking.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => equipmentUnit.id, { onDelete: 'restrict' }),
		startsAt: when('starts_at').notNull(),
		blockedUntil: when('blocked_until').notNull(),
		active: boolean('active').notNull().default(true),
		/**
		 * The transaction that last wrote the row (set by triggers): an instance that keeps holds in
		 * memory asks only for rows written by transactions it may not have seen.
		 */
		changedXid: transactionId('changed_xid')
			.notNull()
			.default(sql`pg_current_xact_id()`)
	},
	(table) => [
		primaryKey({ columns: [table.bookingId, table.unitId] }),
		check('booking_unit_period_check', sql`${table.startsAt} < ${table.blockedUntil}`),
		index('booking_unit_changed_xid_idx').on(table.changedXid),
		// A unit's loan history, past holds included (the exclusion index covers active ones only).
		index('booking_unit_unit_idx').on(table.unitId)
	]
);

/** "Tell me if it frees up": one entry per person, item, site (or any site) and period. */
export const waitlistEntry = pgTable(
	'waitlist_entry',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		modelId: uuid('model_id').references(() => equipmentModel.id, { onDelete: 'cascade' }),
		kitId: uuid('kit_id').references(() => kit.id, { onDelete: 'cascade' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		startsAt: when('starts_at').notNull(),
		endsAt: when('ends_at').notNull(),
		createdAt: when('created_at').notNull().defaultNow(),
		notifiedAt: when('notified_at')
	},
	(table) => [
		check('waitlist_period_check', sql`${table.startsAt} < ${table.endsAt}`),
		check('waitlist_item_check', sql`num_nonnulls(${table.modelId}, ${table.kitId}) = 1`),
		unique('waitlist_entry_unique')
			.on(table.userId, table.modelId, table.kitId, table.siteId, table.startsAt, table.endsAt)
			.nullsNotDistinct(),
		index('waitlist_pending_idx')
			.on(table.startsAt)
			.where(sql`${table.notifiedAt} is null`)
	]
);

/** The secret token of a person's calendar feed; regenerating it replaces the row. */
export const calendarFeed = pgTable(
	'calendar_feed',
	{
		userId: uuid('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		token: text('token').notNull().unique(),
		createdAt: when('created_at').notNull().defaultNow()
	},
	(table) => [check('calendar_feed_token_check', sql`length(${table.token}) >= 32`)]
);

export const handoverKind = pgEnum('handover_kind', ['check_out', 'check_in']);

/**
 * What the desk saw when a unit went out or came back: the proof of condition both sides can
 * point to later. A damaged return takes the unit out of service.
 */
export const bookingHandover = pgTable(
	'booking_handover',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		bookingId: uuid('booking_id')
			.notNull()
			.references(() => booking.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => equipmentUnit.id, { onDelete: 'restrict' }),
		kind: handoverKind('kind').notNull(),
		condition: text('condition').notNull().default(''),
		damaged: boolean('damaged').notNull().default(false),
		/** A photo in media storage, when one was taken. */
		photoKey: text('photo_key'),
		staffId: uuid('staff_id').references(() => user.id, { onDelete: 'set null' }),
		at: when('at').notNull().defaultNow()
	},
	(table) => [
		check('booking_handover_condition_check', sql`length(${table.condition}) <= 1000`),
		index('booking_handover_booking_idx').on(table.bookingId),
		index('booking_handover_unit_idx').on(table.unitId, table.at),
		// A photo is served by its key.
		index('booking_handover_photo_idx')
			.on(table.photoKey)
			.where(sql`${table.photoKey} is not null`)
	]
);
