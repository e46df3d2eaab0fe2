import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { application } from './applications.table';
import { rubricCriterion } from './institutes.table';

const when = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A reviewer asked to read an application. A declared conflict of interest keeps them off its
 * scoring and decision from then on; it is never silently cleared.
 */
export const reviewAssignment = pgTable(
	'review_assignment',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		reviewerId: uuid('reviewer_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		assignedBy: uuid('assigned_by').references(() => user.id, { onDelete: 'set null' }),
		assignedAt: when('assigned_at').notNull().defaultNow(),
		conflictDeclaredAt: when('conflict_declared_at'),
		conflictNote: text('conflict_note')
	},
	(table) => [
		primaryKey({ columns: [table.applicationId, table.reviewerId] }),
		check(
			'review_assignment_conflict_check',
			sql`(${table.conflictDeclaredAt} is null) = (${table.conflictNote} is null)`
		),
		index('review_assignment_reviewer_idx').on(table.reviewerId)
	]
);

/** One reviewer's score of one criterion, 0 to 5. */
export const reviewScore = pgTable(
	'review_score',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		reviewerId: uuid('reviewer_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		criterionId: uuid('criterion_id')
			.notNull()
			.references(() => rubricCriterion.id, { onDelete: 'cascade' }),
		score: smallint('score').notNull(),
		comment: text('comment'),
		scoredAt: when('scored_at').notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.applicationId, table.reviewerId, table.criterionId] }),
		check('review_score_range_check', sql`${table.score} between 0 and 5`)
	]
);

/** Reviewers' internal notes: never shown to the applicant nor in the register. */
export const reviewNote = pgTable(
	'review_note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => user.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		createdAt: when('created_at').notNull().defaultNow()
	},
	(table) => [
		check('review_note_text_check', sql`length(trim(${table.text})) between 1 and 4000`),
		index('review_note_application_idx').on(table.applicationId)
	]
);

/** Up to when each reviewer's daily digest has told them what happened. */
export const reviewerDigest = pgTable('reviewer_digest', {
	reviewerId: uuid('reviewer_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	sentThrough: when('sent_through').notNull()
});
