import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { equipmentCategory, equipmentModel, equipmentUnit, kit, kitItem } from './equipment.table';
import { site } from './sites.table';

/** What the catalogue shows besides the holds: models, kits, sites and the units in service. */
export async function readInventory(db: Database) {
	const [models, kits, items, sites, units] = await Promise.all([
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
			.select({ id: equipmentUnit.id, modelId: equipmentUnit.modelId, siteId: equipmentUnit.siteId })
			.from(equipmentUnit)
			.where(eq(equipmentUnit.status, 'in_service'))
	]);
	const modelIndex = new Map(models.map((model, index) => [model.id, index]));
	const siteIndex = new Map(sites.map((place, index) => [place.id, index]));
	const unitModel = Int32Array.from(units, (unit) => modelIndex.get(unit.modelId) ?? -1);
	const unitSite = Int32Array.from(units, (unit) => siteIndex.get(unit.siteId) ?? -1);
	const totals = new Int32Array(models.length * sites.length);
	units.forEach((_, index) => {
		const cell = cellOf(unitModel[index] as number, unitSite[index] as number, sites.length);
		totals[cell] = (totals[cell] as number) + 1;
	});
	return {
		models,
		kits,
		/** Each kit's lines, by kit id. */
		linesOf: Map.groupBy(items, (item) => item.kitId),
		sites,
		units,
		modelIndex,
		siteIndex,
		/** For each unit (by its index in `units`), the index of its model and of its site. */
		unitModel,
		unitSite,
		/** Units in service per model and site, at `cellOf(model index, site index)`. */
		totals,
		/** Each model's turnaround buffer, in milliseconds, by model index. */
		bufferMs: Float64Array.from(models, (model) => model.bufferMinutes * 60_000),
		longestBufferMinutes: Math.max(0, ...models.map((model) => model.bufferMinutes))
	};
}

/**
 * Counts per model and site live in flat arrays, one cell per pair: building them for every
 * request is a few thousand additions, not a few thousand string keys.
 */
export const cellOf = (model: number, place: number, siteCount: number) => model * siteCount + place;

export type Inventory = Awaited<ReturnType<typeof readInventory>>;
