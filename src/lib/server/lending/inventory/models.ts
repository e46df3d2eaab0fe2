import { isDeepStrictEqual } from 'node:util';
import { and, asc, count, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { InvalidInput, NotFound } from '../../errors';
import { parseInput } from '../../forms';
import { trainingModule } from '../../learning/modules.table';
import { equipmentCategory, equipmentModel, equipmentUnit } from '../equipment.table';
import { assertBookableSlugFree, localizedOf, withFreeSlug } from './fields';
import { modelFieldsSchema, newModelSchema, type ModelFields } from './model-schemas';

/** What the form's choices are: categories and training modules. */
async function choices(db: Database) {
	const [categories, modules] = await Promise.all([
		db
			.select({ slug: equipmentCategory.slug, name: equipmentCategory.name })
			.from(equipmentCategory)
			.orderBy(asc(equipmentCategory.position)),
		db
			.select({ slug: trainingModule.slug, title: trainingModule.title })
			.from(trainingModule)
			.orderBy(asc(trainingModule.slug))
	]);
	return { categories, modules };
}

/** Every model with its category and how many of its units are in service, for the inventory. */
export async function listModels(db: Database, actor: Actor | null) {
	authorize(actor, 'inventory.manage');
	const [models, units] = await Promise.all([
		db
			.select({
				slug: equipmentModel.slug,
				name: equipmentModel.name,
				category: equipmentCategory.name,
				approvalRequired: equipmentModel.approvalRequired,
				requiredModuleId: equipmentModel.requiredModuleId
			})
			.from(equipmentModel)
			.innerJoin(equipmentCategory, eq(equipmentCategory.id, equipmentModel.categoryId))
			.orderBy(asc(equipmentCategory.position), asc(equipmentModel.slug)),
		db
			.select({ slug: equipmentModel.slug, status: equipmentUnit.status, units: count() })
			.from(equipmentUnit)
			.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
			.groupBy(equipmentModel.slug, equipmentUnit.status)
	]);
	const countOf = (slug: string, status?: string) =>
		units
			.filter((row) => row.slug === slug && (!status || row.status === status))
			.reduce((total, row) => total + row.units, 0);
	return models.map((model) => ({
		...model,
		inService: countOf(model.slug, 'in_service'),
		units: countOf(model.slug)
	}));
}

/** A model as its form shows it, with the choices of category and training. */
export async function getModelForEdit(db: Database, actor: Actor | null, slug: string) {
	authorize(actor, 'inventory.manage');
	const [row] = await db
		.select({ model: equipmentModel, category: equipmentCategory.slug, module: trainingModule.slug })
		.from(equipmentModel)
		.innerJoin(equipmentCategory, eq(equipmentCategory.id, equipmentModel.categoryId))
		.leftJoin(trainingModule, eq(trainingModule.id, equipmentModel.requiredModuleId))
		.where(eq(equipmentModel.slug, slug));
	if (!row) throw new NotFound(m.model_not_found());
	const { model } = row;
	return {
		...(await choices(db)),
		slug: model.slug,
		photos: model.photos,
		fields: {
			nameFr: model.name.fr,
			nameEn: model.name.en ?? '',
			descriptionFr: model.description.fr,
			descriptionEn: model.description.en ?? '',
			inTheBoxFr: model.inTheBox.fr,
			inTheBoxEn: model.inTheBox.en ?? '',
			category: row.category,
			maxLoanDays: model.maxLoanDays,
			maxAdvanceDays: model.maxAdvanceDays,
			bufferMinutes: model.bufferMinutes,
			approvalRequired: model.approvalRequired,
			requiredModule: row.module
		}
	};
}

/** The form's choices for a new model. */
export async function newModelChoices(db: Database, actor: Actor | null) {
	authorize(actor, 'inventory.manage');
	return choices(db);
}

/** The row values for the fields, after checking that the category and training exist. */
async function rowOf(db: Database, fields: ModelFields) {
	const [category] = await db
		.select({ id: equipmentCategory.id })
		.from(equipmentCategory)
		.where(eq(equipmentCategory.slug, fields.category));
	if (!category) throw new InvalidInput([{ path: 'category', message: m.model_category_required() }]);
	let requiredModuleId: string | null = null;
	if (fields.requiredModule) {
		const [module] = await db
			.select({ id: trainingModule.id })
			.from(trainingModule)
			.where(eq(trainingModule.slug, fields.requiredModule));
		if (!module) throw new InvalidInput([{ path: 'requiredModule', message: m.model_module_unknown() }]);
		requiredModuleId = module.id;
	}
	return {
		name: localizedOf(fields.nameFr, fields.nameEn),
		description: localizedOf(fields.descriptionFr, fields.descriptionEn),
		inTheBox: localizedOf(fields.inTheBoxFr, fields.inTheBoxEn),
		categoryId: category.id,
		maxLoanDays: fields.maxLoanDays,
		maxAdvanceDays: fields.maxAdvanceDays,
		bufferMinutes: fields.bufferMinutes,
		approvalRequired: fields.approvalRequired,
		requiredModuleId
	};
}

/** Adds a model (no units yet: they are added one by one with their tags). */
export async function createModel(db: Database, actor: Actor | null, input: unknown) {
	authorize(actor, 'inventory.manage');
	const request = parseInput(newModelSchema, input);
	await withFreeSlug(() =>
		db.transaction(async (tx) => {
			const values = await rowOf(tx, request);
			await assertBookableSlugFree(tx, request.slug);
			await tx.insert(equipmentModel).values({ slug: request.slug, ...values });
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'model.create',
				subjectType: 'equipment_model',
				subjectId: request.slug,
				after: values
			});
		})
	);
	return request.slug;
}

/** Changes a model's content and lending policy; bookings already made keep their terms. */
export async function updateModel(db: Database, actor: Actor | null, slug: string, input: unknown) {
	authorize(actor, 'inventory.manage');
	const fields = parseInput(modelFieldsSchema, input);
	await db.transaction(async (tx) => {
		const [model] = await tx.select().from(equipmentModel).where(eq(equipmentModel.slug, slug)).for('update');
		if (!model) throw new NotFound(m.model_not_found());
		const values = await rowOf(tx, fields);
		const keys = (Object.keys(values) as (keyof typeof values)[]).filter(
			// jsonb hands objects back with its own key order: compare values, not text.
			(key) => !isDeepStrictEqual(values[key], model[key])
		);
		if (keys.length === 0) return;
		await tx
			.update(equipmentModel)
			.set(values)
			.where(and(eq(equipmentModel.id, model.id)));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'model.update',
			subjectType: 'equipment_model',
			subjectId: slug,
			before: Object.fromEntries(keys.map((key) => [key, model[key]])),
			after: Object.fromEntries(keys.map((key) => [key, values[key]]))
		});
	});
}
