import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { trainingModule } from './modules.table';

/** A person has completed a module: online through its quiz, or in person at a desk. */
export const moduleCompletion = pgTable(
	'module_completion',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		moduleId: uuid('module_id')
			.notNull()
			.references(() => trainingModule.id, { onDelete: 'cascade' }),
		method: text('method', { enum: ['quiz', 'in_person'] }).notNull(),
		recordedBy: uuid('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.moduleId] }),
		check('module_completion_method_check', sql`${table.method} in ('quiz', 'in_person')`)
	]
);
