import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized-text';
import { hasFrench, isSlug } from '../db/checks';

/** One multiple-choice question; `answer` is the index of the right choice. */
export type QuizQuestion = { prompt: LocalizedText; choices: LocalizedText[]; answer: number };

export const trainingModule = pgTable(
	'training_module',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		summary: jsonb('summary').$type<LocalizedText>().notNull(),
		body: jsonb('body').$type<LocalizedText>().notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		quiz: jsonb('quiz').$type<QuizQuestion[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		check('training_module_slug_check', isSlug(table.slug)),
		check('training_module_title_check', hasFrench(table.title)),
		check('training_module_duration_check', sql`${table.durationMinutes} > 0`)
	]
);
