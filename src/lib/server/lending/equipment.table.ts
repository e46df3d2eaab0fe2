import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	uuid
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../i18n/localized-text';
import { trainingModule } from '../learning/modules.table';
import { hasFrench, isSlug } from '../db/checks';
import { site } from './sites.table';

/** A picture of a model: a path under the site's static or media files, and its description. */
export type EquipmentPhoto = { src: string; alt: LocalizedText };

export const equipmentCategory = pgTable(
	'equipment_category',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		position: smallint('position').notNull().default(0)
	},
	(table) => [
		check('equipment_category_slug_check', isSlug(table.slug)),
		check('equipment_category_name_check', hasFrench(table.name))
	]
);

/** A kind of equipment ("Zoom H5 recorder") with its lending policy; units are the physical items. */
export const equipmentModel = pgTable(
	'equipment_model',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		categoryId: uuid('category_id')
			.notNull()
			.references(() => equipmentCategory.id, { onDelete: 'restrict' }),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		description: jsonb('description').$type<LocalizedText>().notNull(),
		inTheBox: jsonb('in_the_box').$type<LocalizedText>().notNull(),
		photos: jsonb('photos').$type<EquipmentPhoto[]>().notNull().default([]),
		maxLoanDays: smallint('max_loan_days').notNull().default(7),
		maxAdvanceDays: smallint('max_advance_days').notNull().default(60),
		bufferMinutes: integer('buffer_minutes').notNull().default(60),
		approvalRequired: boolean('approval_required').notNull().default(false),
		requiredModuleId: uuid('required_module_id').references(() => trainingModule.id, {
			onDelete: 'set null'
		})
	},
	(table) => [
		check('equipment_model_slug_check', isSlug(table.slug)),
		check('equipment_model_name_check', hasFrench(table.name)),
		check('equipment_model_max_loan_check', sql`${table.maxLoanDays} between 1 and 90`),
		check('equipment_model_advance_check', sql`${table.maxAdvanceDays} between 0 and 365`),
		check('equipment_model_buffer_check', sql`${table.bufferMinutes} between 0 and 2880`),
		index('equipment_model_category_idx').on(table.categoryId)
	]
);

export const unitStatus = pgEnum('unit_status', ['in_service', 'out_of_service', 'retired']);

export const equipmentUnit = pgTable(
	'equipment_unit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		modelId: uuid('model_id')
			.notNull()
			.references(() => equipmentModel.id, { onDelete: 'restrict' }),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'restrict' }),
		assetTag: text('asset_tag').notNull().unique(),
		serialNumber: text('serial_number'),
		status: unitStatus('status').notNull().default('in_service'),
		notes: text('notes')
	},
	(table) => [index('equipment_unit_model_site_idx').on(table.modelId, table.siteId)]
);

/** A bundle of models booked together, one unit of each line's quantity, at one site. */
export const kit = pgTable(
	'kit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => site.id, { onDelete: 'restrict' }),
		name: jsonb('name').$type<LocalizedText>().notNull(),
		description: jsonb('description').$type<LocalizedText>().notNull()
	},
	(table) => [check('kit_slug_check', isSlug(table.slug)), check('kit_name_check', hasFrench(table.name))]
);

export const kitItem = pgTable(
	'kit_item',
	{
		kitId: uuid('kit_id')
			.notNull()
			.references(() => kit.id, { onDelete: 'cascade' }),
		modelId: uuid('model_id')
			.notNull()
			.references(() => equipmentModel.id, { onDelete: 'restrict' }),
		quantity: smallint('quantity').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.kitId, table.modelId] }),
		check('kit_item_quantity_check', sql`${table.quantity} between 1 and 20`)
	]
);
