import { isDeepStrictEqual } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import { parseInput } from '../../forms';
import { equipmentCategory } from '../equipment.table';
import { frenchText, localizedOf, newSlugField, optionalText, withFreeSlug } from './fields';

const categoryFields = z.object({
	nameFr: frenchText(80, () => m.model_name_required()),
	nameEn: optionalText(80),
	position: z.coerce
		.number({ error: () => m.category_position_invalid() })
		.int({ error: () => m.category_position_invalid() })
		.min(0, { error: () => m.category_position_invalid() })
		.max(999, { error: () => m.category_position_invalid() })
});

const nameOf = (fields: z.output<typeof categoryFields>) => localizedOf(fields.nameFr, fields.nameEn);

/** The categories in the catalogue's order. */
export async function listCategories(db: Database, actor: Actor | null) {
	authorize(actor, 'inventory.manage');
	return db
		.select()
		.from(equipmentCategory)
		.orderBy(asc(equipmentCategory.position), asc(equipmentCategory.slug));
}

/** Adds a category of the catalogue. */
export async function createCategory(db: Database, actor: Actor | null, input: unknown) {
	authorize(actor, 'inventory.manage');
	const request = parseInput(categoryFields.extend({ slug: newSlugField }), input);
	await withFreeSlug(() =>
		db.transaction(async (tx) => {
			const values = { slug: request.slug, name: nameOf(request), position: request.position };
			await tx.insert(equipmentCategory).values(values);
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'category.create',
				subjectType: 'equipment_category',
				subjectId: request.slug,
				after: values
			});
		})
	);
}

/** Renames or moves a category in the catalogue's order. */
export async function updateCategory(db: Database, actor: Actor | null, slug: string, input: unknown) {
	authorize(actor, 'inventory.manage');
	const request = parseInput(categoryFields, input);
	await db.transaction(async (tx) => {
		const [category] = await tx
			.select()
			.from(equipmentCategory)
			.where(eq(equipmentCategory.slug, slug))
			.for('update');
		if (!category) throw new NotFound(m.category_not_found());
		const after = { name: nameOf(request), position: request.position };
		if (isDeepStrictEqual(after, { name: category.name, position: category.position })) return;
		await tx.update(equipmentCategory).set(after).where(eq(equipmentCategory.id, category.id));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'category.update',
			subjectType: 'equipment_category',
			subjectId: slug,
			before: { name: category.name, position: category.position },
			after
		});
	});
}
