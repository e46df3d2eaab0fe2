import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { group } from '../groups/groups.table';
import type { Answers } from '../../institutes/form-fields';
import type { CommonsRecord } from './commons-record-types';
import { applicationForm, programme } from './institutes.table';
import { applicationStatuses } from '../../institutes/transitions';

const when = (name: string) => timestamp(name, { withTimezone: true });

export const applicationStatus = pgEnum('application_status', applicationStatuses);
export type { ApplicationStatus } from '../../institutes/transitions';

/**
 * An application to a programme, by a person on their own (groupId null) or on behalf of one of
 * their groups. `revision` is bumped by every save so a stale device cannot overwrite newer words.
 */
export const application = pgTable(
	'application',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'restrict' }),
		formId: uuid('form_id')
			.notNull()
			.references(() => applicationForm.id, { onDelete: 'restrict' }),
		// The person who started it; a group's application stays with the group if they leave, and a
		// person's stays (anonymous) in the register if they close their account.
		userId: uuid('user_id').references(() => user.id, { onDelete: 'set null' }),
		groupId: uuid('group_id').references(() => group.id, { onDelete: 'restrict' }),
		status: applicationStatus('status').notNull().default('draft'),
		title: text('title').notNull().default(''),
		answers: jsonb('answers').$type<Answers>().notNull().default({}),
		revision: integer('revision').notNull().default(1),
		commonsRecord: jsonb('commons_record').$type<CommonsRecord>(),
		// What the applicant agreed to show in the public register if accepted.
		publishedFields: text('published_fields').array().notNull().default([]),
		publishName: boolean('publish_name').notNull().default(false),
		submittedAt: when('submitted_at'),
		expectedDecisionAt: when('expected_decision_at'),
		decidedAt: when('decided_at'),
		decidedBy: uuid('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decisionLetter: text('decision_letter'),
		awardedCents: bigint('awarded_cents', { mode: 'number' }),
		withdrawnAt: when('withdrawn_at'),
		createdAt: when('created_at').notNull().defaultNow(),
		updatedAt: when('updated_at').notNull().defaultNow()
	},
	(table) => [
		check('application_title_check', sql`length(${table.title}) <= 200`),
		check('application_revision_check', sql`${table.revision} > 0`),
		check(
			'application_submitted_check',
			sql`${table.status} in ('draft', 'withdrawn') or ${table.submittedAt} is not null`
		),
		check(
			'application_decision_check',
			sql`(${table.status} in ('accepted', 'rejected')) = (${table.decidedAt} is not null and length(trim(coalesce(${table.decisionLetter}, ''))) > 0)`
		),
		check(
			'application_award_check',
			sql`${table.awardedCents} is null or (${table.status} = 'accepted' and ${table.awardedCents} >= 0)`
		),
		check(
			'application_withdrawn_check',
			sql`(${table.status} = 'withdrawn') = (${table.withdrawnAt} is not null)`
		),
		// One open application (a draft included) per programme and applicant: no duplicated drafts.
		uniqueIndex('application_one_open_per_applicant')
			.on(table.programmeId, sql`coalesce(${table.groupId}, ${table.userId})`)
			.where(sql`${table.status} in ('draft', 'submitted', 'in_review', 'changes_requested', 'resubmitted')`),
		index('application_user_idx').on(table.userId),
		index('application_group_idx').on(table.groupId),
		index('application_programme_status_idx').on(table.programmeId, table.status)
	]
);

/** The timeline of an application: every transition, and what the applicant is told. */
export const applicationEvent = pgTable(
	'application_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		at: when('at').notNull().defaultNow(),
		actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		fromStatus: applicationStatus('from_status'),
		toStatus: applicationStatus('to_status'),
		message: text('message'),
		// Reviewer assignments and conflicts are internal; transitions are shown to the applicant.
		visibleToApplicant: boolean('visible_to_applicant').notNull().default(true)
	},
	(table) => [index('application_event_application_idx').on(table.applicationId, table.at)]
);

/** A file attached to an application; kept private to the applicant and the reviewers. */
export const applicationAttachment = pgTable(
	'application_attachment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		fieldKey: text('field_key'),
		key: text('key').notNull().unique(),
		name: text('name').notNull(),
		mime: text('mime').notNull(),
		bytes: integer('bytes').notNull(),
		uploadedBy: uuid('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: when('created_at').notNull().defaultNow()
	},
	(table) => [
		check('application_attachment_bytes_check', sql`${table.bytes} > 0`),
		check('application_attachment_name_check', sql`length(trim(${table.name})) between 1 and 200`),
		index('application_attachment_application_idx').on(table.applicationId)
	]
);

/** Follow-up of an accepted application: what the supported project promised, and when. */
export const milestone = pgTable(
	'milestone',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		title: text('title').notNull(),
		dueOn: date('due_on'),
		doneAt: when('done_at'),
		createdAt: when('created_at').notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('milestone_position_unique').on(table.applicationId, table.position),
		check('milestone_title_check', sql`length(trim(${table.title})) between 2 and 200`)
	]
);

/** A short report from the applicant on the supported project's progress. */
export const progressReport = pgTable(
	'progress_report',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		milestoneId: uuid('milestone_id').references(() => milestone.id, { onDelete: 'set null' }),
		authorId: uuid('author_id').references(() => user.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		createdAt: when('created_at').notNull().defaultNow()
	},
	(table) => [
		check('progress_report_text_check', sql`length(trim(${table.text})) between 2 and 4000`),
		index('progress_report_application_idx').on(table.applicationId)
	]
);
