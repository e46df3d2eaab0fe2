import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { equipmentCategory, equipmentModel, equipmentUnit, kit, kitItem } from './equipment.table';
import { inventoryVersion } from './inventory.table';
import { site } from './sites.table';

async function readInventory(db: Database) {
	const [models, kits, items, sites, totals] = await Promise.all([
		db
			.select({
				id: equipmentModel.id,
				slug: equipmentModel.slug,
				name: equipmentModel.name,
				description: equipmentModel.description,
				photos: equipmentModel.photos,
				approvalRequired: equipmentModel.approvalRequired,
				requiredModuleId: equipmentModel.requiredModuleId,
				bufferMinutes: equipmentModel.bufferMinutes,
				category: { slug: equipmentCategory.slug, name: equipmentCategory.name }
			})
			.from(equipmentModel)
			.innerJoin(equipmentCategory, eq(equipmentCategory.id, equipmentModel.categoryId))
			.orderBy(asc(equipmentCategory.position), asc(sql`${equipmentModel.name} ->> 'fr'`)),
		db.select().from(kit).orderBy(asc(kit.slug)),
		db.select().from(kitItem),
		db.select({ id: site.id, slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name)),
		db
			.select({
				modelId: equipmentUnit.modelId,
				siteId: equipmentUnit.siteId,
				units: sql<number>`count(*)::int`.mapWith(Number)
			})
			.from(equipmentUnit)
			.where(eq(equipmentUnit.status, 'in_service'))
			.groupBy(equipmentUnit.modelId, equipmentUnit.siteId)
	]);
	return {
		models,
		kits,
		items,
		sites,
		/** Units in service, keyed "modelId/siteId". */
		totals: new Map(totals.map((row) => [`${row.modelId}/${row.siteId}`, row.units])),
		longestBufferMinutes: Math.max(0, ...models.map((model) => model.bufferMinutes))
	};
}

export type Inventory = Awaited<ReturnType<typeof readInventory>>;

const kept = new WeakMap<Database, { version: number; inventory: Promise<Inventory> }>();

/**
 * Models, kits, sites and unit counts change a few times a day and are read on every catalogue
 * request: each instance keeps them while the database's inventory version stays the same (one
 * tiny query), so a change made through any instance shows at once everywhere.
 */
export async function inventorySnapshot(db: Database): Promise<Inventory> {
	const [row] = await db.select({ version: inventoryVersion.version }).from(inventoryVersion);
	const version = row?.version ?? -1;
	const cached = kept.get(db);
	if (cached && cached.version === version && version >= 0) return cached.inventory;
	const inventory = readInventory(db);
	kept.set(db, { version, inventory });
	inventory.catch(() => kept.delete(db));
	return inventory;
}
