import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { equipmentCategory, equipmentModel, equipmentUnit } from './equipment.table';

/** The public catalogue: every model with its category and how many units are in service. */
export async function listCatalogue(db: Database) {
	return db
		.select({
			slug: equipmentModel.slug,
			name: equipmentModel.name,
			description: equipmentModel.description,
			category: { slug: equipmentCategory.slug, name: equipmentCategory.name },
			approvalRequired: equipmentModel.approvalRequired,
			units:
				sql<number>`count(${equipmentUnit.id}) filter (where ${equipmentUnit.status} = 'in_service')`.mapWith(
					Number
				)
		})
		.from(equipmentModel)
		.innerJoin(equipmentCategory, eq(equipmentCategory.id, equipmentModel.categoryId))
		.leftJoin(equipmentUnit, eq(equipmentUnit.modelId, equipmentModel.id))
		.groupBy(equipmentModel.id, equipmentCategory.id)
		.orderBy(asc(equipmentCategory.position), asc(sql`${equipmentModel.name} ->> 'fr'`));
}
