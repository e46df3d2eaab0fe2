import { isDeepStrictEqual } from 'node:util';
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { issuesOf } from '../../forms';
import { InvalidInput, NotFound, Refused, type Issue } from '../../errors';
import { booking } from '../bookings.table';
import type { LendingContext } from '../context';
import { equipmentModel, kit, kitItem } from '../equipment.table';
import { site } from '../sites.table';
import {
	assertBookableSlugFree,
	frenchText,
	localizedOf,
	newSlugField,
	optionalText,
	withFreeSlug
} from './fields';

/** Lines a kit's form offers; kits of the demo hold two or three models. */
export const KIT_LINES = 6;

const kitSchema = z.object({
	site: z
		.string({ error: () => m.unit_site_required() })
		.trim()
		.min(1, { error: () => m.unit_site_required() }),
	nameFr: frenchText(120, () => m.model_name_required()),
	nameEn: optionalText(120),
	descriptionFr: frenchText(2000, () => m.model_description_required()),
	descriptionEn: optionalText(2000)
});

const newKitSchema = kitSchema.extend({
	slug: newSlugField
});

type Line = { model: string; quantity: number };

/** The kit's lines posted as `item.<n>.model` and `item.<n>.quantity`; empty lines are skipped. */
function linesOf(fields: Record<string, unknown>, issues: Issue[]): Line[] {
	const lines: Line[] = [];
	for (let index = 0; index < KIT_LINES; index += 1) {
		const model = String(fields[`item.${index}.model`] ?? '').trim();
		if (!model) continue;
		const quantity = Number(fields[`item.${index}.quantity`] || 1);
		if (!Number.isInteger(quantity) || quantity < 1 || quantity > 20) {
			issues.push({ path: `item.${index}.quantity`, message: m.kit_quantity_invalid() });
		} else if (lines.some((line) => line.model === model)) {
			issues.push({ path: `item.${index}.model`, message: m.kit_model_twice() });
		} else {
			lines.push({ model, quantity });
		}
	}
	if (lines.length === 0 && issues.length === 0)
		issues.push({ path: 'item.0.model', message: m.kit_needs_a_model() });
	return lines;
}

function parseKit<S extends typeof kitSchema | typeof newKitSchema>(schema: S, input: unknown) {
	const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
	const issues: Issue[] = [];
	const parsed = schema.safeParse(fields);
	if (!parsed.success) {
		issues.push(...issuesOf(parsed.error));
	}
	const lines = linesOf(fields, issues);
	if (!parsed.success || issues.length > 0) throw new InvalidInput(issues);
	return { ...(parsed.data as z.output<S>), lines };
}

async function choices(db: Database) {
	const [sites, models] = await Promise.all([
		db.select({ slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name)),
		db
			.select({ slug: equipmentModel.slug, name: equipmentModel.name })
			.from(equipmentModel)
			.orderBy(asc(equipmentModel.slug))
	]);
	return { sites, models, lineCount: KIT_LINES };
}

/** Kits with their site and contents. */
export async function listKits(db: Database, actor: Actor | null) {
	authorize(actor, 'inventory.manage');
	const kits = await db
		.select({ id: kit.id, slug: kit.slug, name: kit.name, site: site.name })
		.from(kit)
		.innerJoin(site, eq(site.id, kit.siteId))
		.orderBy(asc(kit.slug));
	const items = kits.length
		? await db
				.select({ kitId: kitItem.kitId, model: equipmentModel.name, quantity: kitItem.quantity })
				.from(kitItem)
				.innerJoin(equipmentModel, eq(equipmentModel.id, kitItem.modelId))
				.where(
					inArray(
						kitItem.kitId,
						kits.map((entry) => entry.id)
					)
				)
		: [];
	return kits.map((entry) => ({ ...entry, items: items.filter((item) => item.kitId === entry.id) }));
}

/** The choices for a new kit's form. */
export async function newKitChoices(db: Database, actor: Actor | null) {
	authorize(actor, 'inventory.manage');
	return choices(db);
}

type KitForm = {
	site: string;
	nameFr: string;
	nameEn: string;
	descriptionFr: string;
	descriptionEn: string;
	lines: Line[];
};

/** A kit as its form posts it; lines by model, so that the same content compares equal. */
function fieldsOf(form: KitForm): Record<string, string> {
	const { lines, ...texts } = form;
	const sorted = [...lines].sort((a, b) => a.model.localeCompare(b.model));
	return {
		...texts,
		...Object.fromEntries(
			sorted.flatMap((line, index) => [
				[`item.${index}.model`, line.model],
				[`item.${index}.quantity`, String(line.quantity)]
			])
		)
	};
}

/** A kit's row, locked when asked, and its content as the form holds it. */
async function readKit(db: Database, slug: string, lock = false) {
	const query = db.select().from(kit).where(eq(kit.slug, slug));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new NotFound(m.kit_not_found());
	const [[place], lines] = await Promise.all([
		db.select({ slug: site.slug }).from(site).where(eq(site.id, row.siteId)),
		db
			.select({ model: equipmentModel.slug, quantity: kitItem.quantity })
			.from(kitItem)
			.innerJoin(equipmentModel, eq(equipmentModel.id, kitItem.modelId))
			.where(eq(kitItem.kitId, row.id))
	]);
	const form: KitForm = {
		site: place?.slug ?? '',
		nameFr: row.name.fr,
		nameEn: row.name.en ?? '',
		descriptionFr: row.description.fr,
		descriptionEn: row.description.en ?? '',
		lines
	};
	return { row, form };
}

/** A kit as its form shows it. */
export async function getKitForEdit(db: Database, actor: Actor | null, slug: string) {
	authorize(actor, 'inventory.manage');
	const { form } = await readKit(db, slug);
	return { ...(await choices(db)), slug, fields: fieldsOf(form) };
}

/** The ids behind the slugs the form named, each checked. */
async function resolve(db: Database, request: { site: string; lines: Line[] }) {
	const [place] = await db.select({ id: site.id }).from(site).where(eq(site.slug, request.site));
	if (!place) throw new InvalidInput([{ path: 'site', message: m.unit_site_required() }]);
	const models = await db
		.select({ id: equipmentModel.id, slug: equipmentModel.slug })
		.from(equipmentModel)
		.where(
			inArray(
				equipmentModel.slug,
				request.lines.map((line) => line.model)
			)
		);
	const items = request.lines.map((line, index) => {
		const model = models.find((candidate) => candidate.slug === line.model);
		if (!model) throw new InvalidInput([{ path: `item.${index}.model`, message: m.unit_model_required() }]);
		return { modelId: model.id, quantity: line.quantity };
	});
	return { siteId: place.id, items };
}

/** Adds a kit: models booked together at one site. */
export async function createKit(db: Database, actor: Actor | null, input: unknown) {
	authorize(actor, 'inventory.manage');
	const request = parseKit(newKitSchema, input);
	await withFreeSlug(() =>
		db.transaction(async (tx) => {
			await assertBookableSlugFree(tx, request.slug);
			const { siteId, items } = await resolve(tx, request);
			const [created] = await tx
				.insert(kit)
				.values({
					slug: request.slug,
					siteId,
					name: localizedOf(request.nameFr, request.nameEn),
					description: localizedOf(request.descriptionFr, request.descriptionEn)
				})
				.returning({ id: kit.id });
			if (!created) throw new Error('kit not created');
			await tx.insert(kitItem).values(items.map((item) => ({ kitId: created.id, ...item })));
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'kit.create',
				subjectType: 'kit',
				subjectId: request.slug,
				after: { site: request.site, name: request.nameFr, items: request.lines }
			});
		})
	);
	return request.slug;
}

/**
 * Changes a kit's content, site or lines. Bookings already made keep the units they hold; a kit
 * still booked ahead cannot move to another site.
 */
export async function updateKit(
	db: Database,
	actor: Actor | null,
	slug: string,
	input: unknown,
	context: Pick<LendingContext, 'now'>
) {
	authorize(actor, 'inventory.manage');
	const request = parseKit(kitSchema, input);
	await db.transaction(async (tx) => {
		const { row, form } = await readKit(tx, slug, true);
		const before = fieldsOf(form);
		const after = fieldsOf(request);
		if (isDeepStrictEqual(after, before)) return;
		const { siteId, items } = await resolve(tx, request);
		if (siteId !== row.siteId) {
			const [ahead] = await tx
				.select({ id: booking.id })
				.from(booking)
				.where(
					and(
						eq(booking.kitId, row.id),
						// A loan still out, overdue or not, keeps the kit where it was taken.
						or(
							and(inArray(booking.status, ['requested', 'confirmed']), gt(booking.endsAt, context.now())),
							eq(booking.status, 'checked_out')
						)
					)
				)
				.limit(1);
			if (ahead) throw new Refused('kit_has_bookings', m.kit_move_has_bookings());
		}
		await tx
			.update(kit)
			.set({
				siteId,
				name: localizedOf(request.nameFr, request.nameEn),
				description: localizedOf(request.descriptionFr, request.descriptionEn)
			})
			.where(eq(kit.id, row.id));
		await tx.delete(kitItem).where(eq(kitItem.kitId, row.id));
		await tx.insert(kitItem).values(items.map((item) => ({ kitId: row.id, ...item })));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'kit.update',
			subjectType: 'kit',
			subjectId: slug,
			before,
			after
		});
	});
}
