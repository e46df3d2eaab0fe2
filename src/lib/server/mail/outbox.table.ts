import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';

export const outboxStatuses = ['pending', 'sent', 'failed', 'kept'] as const;

/**
 * Every message the portal sends passes through here: it is the delivery queue when SMTP is
 * configured, and the place admins read messages when it is not ("kept").
 */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		recipient: text('recipient').notNull(),
		recipientUserId: uuid('recipient_user_id').references(() => user.id, { onDelete: 'set null' }),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		kind: text('kind').notNull(),
		status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(table) => [
		check('mail_outbox_status_check', sql`${table.status} in ('pending', 'sent', 'failed', 'kept')`),
		index('mail_outbox_due_idx')
			.on(table.nextAttemptAt)
			.where(sql`${table.status} = 'pending'`),
		index('mail_outbox_created_idx').on(table.createdAt)
	]
);
