import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, smallint } from 'drizzle-orm/pg-core';

/**
 * One row whose number changes with every write to the inventory (models, units, kits, sites) and
 * with every deletion of a hold, bumped by statement triggers: an instance may keep the catalogue
 * in memory while it is unchanged.
 */
export const inventoryVersion = pgTable(
	'inventory_version',
	{
		id: smallint('id').primaryKey().default(1),
		version: bigint('version', { mode: 'number' }).notNull().default(0)
	},
	(table) => [check('inventory_version_single_row', sql`${table.id} = 1`)]
);
