import { asc, eq, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../i18n/localized-text';
import type { Database } from '../db/client';
import { equipmentCategory, equipmentModel, kit, kitItem, type EquipmentPhoto } from './equipment.table';
import { matchesSearch } from './search';
import { site } from './sites.table';

export type CatalogueFilters = { q?: string; category?: string; site?: string; from?: Date; to?: Date };

export type CatalogueEntry = {
	kind: 'model' | 'kit';
	slug: string;
	name: LocalizedText;
	description: LocalizedText;
	category: { slug: string; name: LocalizedText };
	photo: EquipmentPhoto | null;
	approvalRequired: boolean;
	trainingRequired: boolean;
	/** Units in service (kits: how many whole kits can be made). */
	total: number;
	/** Free for the whole period when one is asked for; null otherwise. */
	available: number | null;
	sites: { slug: string; name: string; total: number; available: number | null }[];
};

type Counts = Map<string, { total: number; free: number }>; // key: modelId/siteId

/**
 * Units in service per model and site, and how many are free for [from, to) plus each model's
 * buffer. Busy units are found from the active periods (one index scan), not unit by unit: the scan
 * takes every hold overlapping [from, to + the longest buffer), and a unit is busy when its earliest
 * such hold starts before `to` plus its own model's buffer. (Comparing the periods with each model's
 * buffer inside the scan made the planner repeat the scan for every model.)
 */
async function unitCounts(db: Database, period?: { from: Date; to: Date }): Promise<Counts> {
	const from = period?.from.toISOString() ?? null;
	const to = period?.to.toISOString() ?? null;
	const result = await db.execute<{ model_id: string; site_id: string; total: number; free: number }>(sql`
		with holds as (
			select bu.unit_id, min(bu.starts_at) as first_start
			from booking_unit bu
			where ${from}::timestamptz is not null and bu.active
				and tstzrange(bu.starts_at, bu.blocked_until, '[)') && tstzrange(${from}::timestamptz,
					${to}::timestamptz + (select make_interval(mins => max(buffer_minutes)) from equipment_model), '[)')
			group by bu.unit_id
		)
		select u.model_id, u.site_id, count(*)::int as total,
			count(*) filter (where h.first_start is null
				or h.first_start >= ${to}::timestamptz + make_interval(mins => em.buffer_minutes))::int as free
		from equipment_unit u
		join equipment_model em on em.id = u.model_id
		left join holds h on h.unit_id = u.id
		where u.status = 'in_service'
		group by u.model_id, u.site_id`);
	const rows = Array.isArray(result) ? result : (result as { rows: typeof result }).rows;
	return new Map(
		(rows as { model_id: string; site_id: string; total: number; free: number }[]).map((row) => [
			`${row.model_id}/${row.site_id}`,
			{ total: Number(row.total), free: Number(row.free) }
		])
	);
}

async function loadEntries(db: Database) {
	const [models, kits, items, sites] = await Promise.all([
		db
			.select({
				id: equipmentModel.id,
				slug: equipmentModel.slug,
				name: equipmentModel.name,
				description: equipmentModel.description,
				photos: equipmentModel.photos,
				approvalRequired: equipmentModel.approvalRequired,
				requiredModuleId: equipmentModel.requiredModuleId,
				category: {
					slug: equipmentCategory.slug,
					name: equipmentCategory.name,
					position: equipmentCategory.position
				}
			})
			.from(equipmentModel)
			.innerJoin(equipmentCategory, eq(equipmentCategory.id, equipmentModel.categoryId))
			.orderBy(asc(equipmentCategory.position), asc(sql`${equipmentModel.name} ->> 'fr'`)),
		db.select().from(kit).orderBy(asc(kit.slug)),
		db.select().from(kitItem),
		db.select({ id: site.id, slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name))
	]);
	return { models, kits, items, sites };
}

/** The public catalogue: models and kits, with sites, counts and, for a period, what is free. */
export async function listCatalogue(db: Database, filters: CatalogueFilters = {}): Promise<CatalogueEntry[]> {
	const period = filters.from && filters.to ? { from: filters.from, to: filters.to } : undefined;
	const [{ models, kits, items, sites }, counts] = await Promise.all([
		loadEntries(db),
		unitCounts(db, period)
	]);
	const countOf = (modelId: string, siteId: string) =>
		counts.get(`${modelId}/${siteId}`) ?? { total: 0, free: 0 };
	const wantedSites = sites.filter((place) => !filters.site || place.slug === filters.site);
	const modelById = new Map(models.map((model) => [model.id, model]));

	const entries: CatalogueEntry[] = models.map((model) => {
		const perSite = wantedSites
			.map((place) => ({ place, ...countOf(model.id, place.id) }))
			.filter((row) => row.total > 0);
		return {
			kind: 'model',
			slug: model.slug,
			name: model.name,
			description: model.description,
			category: { slug: model.category.slug, name: model.category.name },
			photo: model.photos[0] ?? null,
			approvalRequired: model.approvalRequired,
			trainingRequired: model.requiredModuleId !== null,
			total: perSite.reduce((sum, row) => sum + row.total, 0),
			available: period ? perSite.reduce((sum, row) => sum + row.free, 0) : null,
			sites: perSite.map((row) => ({
				slug: row.place.slug,
				name: row.place.name,
				total: row.total,
				available: period ? row.free : null
			}))
		};
	});

	for (const bundle of kits) {
		const lines = items.filter((item) => item.kitId === bundle.id);
		const first = modelById.get(lines[0]?.modelId ?? '');
		const place = wantedSites.find((candidate) => candidate.id === bundle.siteId);
		if (!first || !place) continue;
		const make = (pick: 'total' | 'free') =>
			Math.min(...lines.map((line) => Math.floor(countOf(line.modelId, place.id)[pick] / line.quantity)));
		const total = make('total');
		const available = period ? make('free') : null;
		entries.push({
			kind: 'kit',
			slug: bundle.slug,
			name: bundle.name,
			description: bundle.description,
			category: { slug: first.category.slug, name: first.category.name },
			photo: first.photos[0] ?? null,
			approvalRequired: lines.some((line) => modelById.get(line.modelId)?.approvalRequired),
			trainingRequired: lines.some((line) => modelById.get(line.modelId)?.requiredModuleId),
			total,
			available,
			sites: [{ slug: place.slug, name: place.name, total, available }]
		});
	}

	return entries.filter(
		(entry) =>
			entry.total > 0 &&
			(!filters.category || entry.category.slug === filters.category) &&
			(!filters.q ||
				matchesSearch(
					[
						entry.name.fr,
						entry.name.en ?? '',
						entry.description.fr,
						entry.description.en ?? '',
						entry.category.name.fr,
						entry.category.name.en ?? ''
					],
					filters.q
				))
	);
}

export async function listCategories(db: Database) {
	return db
		.select({ slug: equipmentCategory.slug, name: equipmentCategory.name })
		.from(equipmentCategory)
		.orderBy(asc(equipmentCategory.position));
}

export async function listSites(db: Database) {
	return db.select({ slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name));
}
