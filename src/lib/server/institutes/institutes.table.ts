import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { hasFrench, isSlug } from '../db/checks';
import type { LocalizedText } from '../../i18n/localized-text';
import type { FormField } from '../../institutes/form-fields';

const when = (name: string) => timestamp(name, { withTimezone: true });
const cents = (name: string) => bigint(name, { mode: 'number' });

/** One of the three public institutes; its name and mission are content staff edit, not code. */
export const institute = pgTable(
	'institute',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		position: smallint('position').notNull().default(0),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		mission: jsonb('mission').$type<LocalizedText>().notNull(),
		updatedAt: when('updated_at').notNull().defaultNow()
	},
	(table) => [
		check('institute_slug_check', isSlug(table.slug)),
		check('institute_name_check', hasFrench(table.name)),
		check('institute_mission_check', hasFrench(table.mission))
	]
);

export const programmeKind = pgEnum('programme_kind', [
	'support',
	'incubation',
	'prize',
	'bounty',
	'patronage',
	'pledge'
]);
export type ProgrammeKind = (typeof programmeKind.enumValues)[number];

/** A call of an institute. Money in integer euro cents; no closing date means it stays open. */
export const programme = pgTable(
	'programme',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		instituteId: uuid('institute_id')
			.notNull()
			.references(() => institute.id, { onDelete: 'restrict' }),
		kind: programmeKind('kind').notNull(),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		summary: jsonb('summary').$type<LocalizedText>().notNull(),
		eligibility: jsonb('eligibility').$type<LocalizedText>().notNull(),
		opensAt: when('opens_at').notNull(),
		closesAt: when('closes_at'),
		budgetCents: cents('budget_cents'),
		maxAmountCents: cents('max_amount_cents'),
		// How long applicants should expect to wait for a decision after submitting.
		decisionDays: smallint('decision_days'),
		// Staff prepare a programme before the public sees it.
		publishedAt: when('published_at'),
		createdAt: when('created_at').notNull().defaultNow(),
		updatedAt: when('updated_at').notNull().defaultNow()
	},
	(table) => [
		check('programme_slug_check', isSlug(table.slug)),
		check('programme_title_check', hasFrench(table.title)),
		check('programme_dates_check', sql`${table.closesAt} is null or ${table.closesAt} > ${table.opensAt}`),
		check('programme_budget_check', sql`${table.budgetCents} is null or ${table.budgetCents} >= 0`),
		check(
			'programme_max_amount_check',
			sql`${table.maxAmountCents} is null or (${table.maxAmountCents} > 0 and (${table.budgetCents} is null or ${table.maxAmountCents} <= ${table.budgetCents}))`
		),
		check(
			'programme_decision_days_check',
			sql`${table.decisionDays} is null or ${table.decisionDays} between 1 and 365`
		),
		index('programme_institute_idx').on(table.instituteId)
	]
);

/**
 * One version of a programme's application form. Versions are never changed (a trigger refuses
 * it): staff editing a form write the next version, and each application keeps the one it began on.
 */
export const applicationForm = pgTable(
	'application_form',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		fields: jsonb('fields').$type<FormField[]>().notNull(),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: when('created_at').notNull().defaultNow()
	},
	(table) => [
		unique('application_form_version_unique').on(table.programmeId, table.version),
		check('application_form_version_check', sql`${table.version} > 0`),
		check(
			'application_form_fields_check',
			sql`jsonb_typeof(${table.fields}) = 'array' and jsonb_array_length(${table.fields}) > 0`
		)
	]
);

/** A weighted criterion reviewers score from 0 to 5. */
export const rubricCriterion = pgTable(
	'rubric_criterion',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		label: jsonb('label').$type<LocalizedText>().notNull(),
		weight: smallint('weight').notNull().default(1)
	},
	(table) => [
		unique('rubric_criterion_position_unique').on(table.programmeId, table.position),
		check('rubric_criterion_label_check', hasFrench(table.label)),
		check('rubric_criterion_weight_check', sql`${table.weight} between 1 and 10`)
	]
);
