import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { isSlug } from '../db/checks';
import { group } from '../groups/groups.table';
import { booking } from '../lending/bookings.table';
import type { Position } from './geo/types';
import { licenceIds } from '../../trails/licences';
import type { PublishedProject, PublishedTrail } from './published';

export const licence = pgEnum('licence', licenceIds);

/**
 * Where the working copy stands with the moderators. A published item edited since shows
 * `draft` again while its `published` snapshot keeps what the public sees.
 */
export const moderationStatus = pgEnum('moderation_status', [
	'draft',
	'submitted',
	'changes_requested',
	'published'
]);

const moderation = () => ({
	status: moderationStatus('status').notNull().default('draft'),
	// Bumped by every edit, so a moderator publishes exactly the version they read.
	version: integer('version').notNull().default(1),
	submittedAt: timestamp('submitted_at', { withTimezone: true }),
	reviewComment: text('review_comment'),
	publishedAt: timestamp('published_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const project = pgTable(
	'project',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		groupId: uuid('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		description: text('description').notNull().default(''),
		coverMediaId: uuid('cover_media_id').references((): AnyPgColumn => projectMedia.id, {
			onDelete: 'set null'
		}),
		themes: text('themes').array().notNull().default([]),
		credits: text('credits').notNull().default(''),
		licence: licence('licence').notNull().default('cc-by-4.0'),
		published: jsonb('published').$type<PublishedProject>(),
		...moderation()
	},
	(table) => [
		check('project_slug_check', isSlug(table.slug)),
		check('project_title_check', sql`length(trim(${table.title})) between 2 and 160`),
		check(
			'project_themes_check',
			sql`${table.themes} <@ array['heritage','memory','sound','art','nature','maritime','neighbourhood']`
		),
		check('project_published_check', sql`${table.status} <> 'published' or ${table.published} is not null`),
		index('project_group_idx').on(table.groupId)
	]
);

export const mediaKind = pgEnum('media_kind', ['audio', 'video', 'photo']);

/** An uploaded file of a project, with what a listener needs: author, licence, language, transcript. */
export const projectMedia = pgTable(
	'project_media',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		projectId: uuid('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		key: text('key').notNull().unique(),
		kind: mediaKind('kind').notNull(),
		mime: text('mime').notNull(),
		bytes: integer('bytes').notNull(),
		durationSeconds: doublePrecision('duration_seconds'),
		title: text('title').notNull(),
		author: text('author').notNull(),
		licence: licence('licence').notNull(),
		language: text('language').notNull().default('fr'),
		transcript: text('transcript'),
		// Anyone may fetch the file once something published shows it; drafts stay private.
		public: boolean('public').notNull().default(false),
		uploadedBy: uuid('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		check('project_media_title_check', sql`length(trim(${table.title})) > 0`),
		check('project_media_author_check', sql`length(trim(${table.author})) > 0`),
		check('project_media_language_check', sql`${table.language} ~ '^[a-z]{2,3}$'`),
		// Audio and video are only accessible with a transcript (RGAA 4.1).
		check(
			'project_media_transcript_check',
			sql`${table.kind} = 'photo' or length(trim(coalesce(${table.transcript}, ''))) > 0`
		),
		check('project_media_bytes_check', sql`${table.bytes} > 0`),
		index('project_media_project_idx').on(table.projectId)
	]
);

export const trail = pgTable(
	'trail',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		projectId: uuid('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		path: jsonb('path').$type<Position[]>().notNull().default([]),
		accessibility: text('accessibility').notNull().default(''),
		published: jsonb('published').$type<PublishedTrail>(),
		...moderation()
	},
	(table) => [
		check('trail_slug_check', isSlug(table.slug)),
		check('trail_title_check', sql`length(trim(${table.title})) between 2 and 160`),
		check('trail_path_check', sql`jsonb_typeof(${table.path}) = 'array'`),
		check('trail_published_check', sql`${table.status} <> 'published' or ${table.published} is not null`),
		index('trail_project_idx').on(table.projectId),
		index('trail_public_idx')
			.on(table.publishedAt)
			.where(sql`${table.published} is not null`)
	]
);

/** A stop of a trail's working copy, in an explicit order. */
export const trailStop = pgTable(
	'trail_stop',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		trailId: uuid('trail_id')
			.notNull()
			.references(() => trail.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		title: text('title').notNull(),
		text: text('text').notNull().default(''),
		latitude: doublePrecision('latitude').notNull(),
		longitude: doublePrecision('longitude').notNull(),
		radiusMetres: smallint('radius_metres').notNull().default(25)
	},
	(table) => [
		// Unique (trail, position), which also indexes a trail's stops, is added by the migration:
		// drizzle cannot declare it deferrable, and a reorder swaps positions inside one transaction.
		check('trail_stop_title_check', sql`length(trim(${table.title})) > 0`),
		check('trail_stop_position_check', sql`${table.position} >= 1`),
		check('trail_stop_latitude_check', sql`${table.latitude} between -90 and 90`),
		check('trail_stop_longitude_check', sql`${table.longitude} between -180 and 180`),
		check('trail_stop_radius_check', sql`${table.radiusMetres} between 5 and 500`)
	]
);

/** The media a stop plays or shows, in order. A media item in use cannot be deleted. */
export const trailStopMedia = pgTable(
	'trail_stop_media',
	{
		stopId: uuid('stop_id')
			.notNull()
			.references(() => trailStop.id, { onDelete: 'cascade' }),
		mediaId: uuid('media_id')
			.notNull()
			.references(() => projectMedia.id, { onDelete: 'restrict' }),
		position: smallint('position').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.stopId, table.mediaId] }),
		index('trail_stop_media_media_idx').on(table.mediaId)
	]
);

/** "Made with": a loan whose gear served the project, named by the person who borrowed it. */
export const projectLoan = pgTable(
	'project_loan',
	{
		projectId: uuid('project_id')
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		bookingId: uuid('booking_id')
			.notNull()
			.references(() => booking.id, { onDelete: 'cascade' }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.projectId, table.bookingId] }),
		index('project_loan_booking_idx').on(table.bookingId)
	]
);

/**
 * One row whose number changes whenever what the public sees of trails may have changed (a
 * publication, a withdrawal, a group renamed), bumped by statement triggers: an instance keeps
 * the GeoJSON of all trails while it is unchanged.
 */
export const publicTrailsVersion = pgTable(
	'public_trails_version',
	{
		id: smallint('id').primaryKey().default(1),
		version: bigint('version', { mode: 'number' }).notNull().default(0)
	},
	(table) => [check('public_trails_version_single_row', sql`${table.id} = 1`)]
);
