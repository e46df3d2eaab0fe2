import { sql } from 'drizzle-orm';
import {
	check,
	date,
	doublePrecision,
	index,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	time,
	uuid
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized-text';
import { isSlug } from '../db/checks';

export const site = pgTable(
	'site',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		address: text('address').notNull(),
		latitude: doublePrecision('latitude').notNull(),
		longitude: doublePrecision('longitude').notNull(),
		accessNotes: jsonb('access_notes').$type<LocalizedText>()
	},
	(table) => [
		check('site_slug_check', isSlug(table.slug)),
		check('site_latitude_check', sql`${table.latitude} between -90 and 90`),
		check('site_longitude_check', sql`${table.longitude} between -180 and 180`)
	]
);

/** Weekly opening hours, ISO weekday (1 = Monday); several rows per day allow a lunch break. */
export const siteOpeningHours = pgTable(
	'site_opening_hours',
	{
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		weekday: smallint('weekday').notNull(),
		opensAt: time('opens_at').notNull(),
		closesAt: time('closes_at').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.siteId, table.weekday, table.opensAt] }),
		check('site_opening_hours_weekday_check', sql`${table.weekday} between 1 and 7`),
		check('site_opening_hours_order_check', sql`${table.opensAt} < ${table.closesAt}`)
	]
);

/** Days a site is closed although its weekly hours say open (holidays, works). */
export const siteClosure = pgTable(
	'site_closure',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'cascade' }),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		reason: jsonb('reason').$type<LocalizedText>().notNull()
	},
	(table) => [
		check('site_closure_order_check', sql`${table.startsOn} <= ${table.endsOn}`),
		index('site_closure_site_idx').on(table.siteId, table.startsOn)
	]
);
