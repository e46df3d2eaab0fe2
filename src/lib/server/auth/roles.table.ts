import { pgEnum, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.table';

/** Roles granted on top of "resident", which every person has. */
export const staffRole = pgEnum('staff_role', ['desk', 'moderator', 'reviewer', 'admin']);

export const userRole = pgTable(
	'user_role',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: staffRole('role').notNull(),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
		grantedBy: uuid('granted_by').references(() => user.id, { onDelete: 'set null' })
	},
	(table) => [primaryKey({ columns: [table.userId, table.role] })]
);
