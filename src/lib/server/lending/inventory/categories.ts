import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../db/errors';
import { InvalidInput, NotFound } from '../../errors';
import { parseInput } from '../../forms';
import { equipmentCategory } from '../equipment.table';

const slugField = z
	.string({ error: () => m.model_slug_invalid() })
	.trim()
	.toLowerCase()
	.max(60, { error: () => m.model_slug_invalid() })
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => m.model_slug_invalid() });

const categoryFields = z.object({
	nameFr: z
		.string({ error: () => m.model_name_required() })
		.trim()
		.min(1, { error: () => m.model_name_required() })
		.max(80, { error: () => m.model_text_too_long({ max: 80 }) }),
	nameEn: z
		.string()
		.trim()
		.max(80, { error: () => m.model_text_too_long({ max: 80 }) })
		.optional()
		.transform((value) => value ?? ''),
	position: z.coerce
		.number({ error: () => m.category_position_invalid() })
		.int({ error: () => m.category_position_invalid() })
		.min(0, { error: () => m.category_position_invalid() })
		.max(999, { error: () => m.category_position_invalid() })
});

const nameOf = (fields: z.output<typeof categoryFields>) =>
	fields.nameEn ? { fr: fields.nameFr, en: fields.nameEn } : { fr: fields.nameFr };

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
	const request = parseInput(categoryFields.extend({ slug: slugField }), input);
	try {
		await db.transaction(async (tx) => {
			const values = { slug: request.slug, name: nameOf(request), position: request.position };
			await tx.insert(equipmentCategory).values(values);
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'category.create',
				subjectType: 'equipment_category',
				subjectId: request.slug,
				after: values
			});
		});
	} catch (problem) {
		if (sqlStateOf(problem) === UNIQUE_VIOLATION) {
			throw new InvalidInput([{ path: 'slug', message: m.model_slug_taken() }]);
		}
		throw problem;
	}
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
