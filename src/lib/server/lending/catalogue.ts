import { asc, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../i18n/localized-text';
import type { Database } from '../db/client';
import { equipmentCategory, type EquipmentPhoto } from './equipment.table';
import { inventorySnapshot } from './inventory-snapshot';
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

/**
 * How many units in service are held, per model and site, during [from, to) plus each model's
 * buffer. One index scan takes every active hold overlapping [from, to + the longest buffer); a
 * unit counts when its earliest such hold starts before `to` plus its own model's buffer.
 */
async function busyCounts(db: Database, period: { from: Date; to: Date }, longestBufferMinutes: number) {
	const from = period.from.toISOString();
	const to = period.to.toISOString();
	const until = new Date(period.to.getTime() + longestBufferMinutes * 60_000).toISOString();
	const result = await db.execute<{ model_id: string; site_id: string; busy: number }>(sql`
		select u.model_id, u.site_id, count(*)::int as busy
		from (
			select bu.unit_id, min(bu.starts_at) as first_start
			from booking_unit bu
			where bu.active
				and tstzrange(bu.starts_at, bu.blocked_until, '[)') && tstzrange(${from}::timestamptz, ${until}::timestamptz, '[)')
			group by bu.unit_id
		) h
		join equipment_unit u on u.id = h.unit_id
		join equipment_model em on em.id = u.model_id
		where u.status = 'in_service'
			and h.first_start < ${to}::timestamptz + make_interval(mins => em.buffer_minutes)
		group by u.model_id, u.site_id`);
	const rows = Array.isArray(result) ? result : (result as { rows: typeof result }).rows;
	return new Map(
		(rows as { model_id: string; site_id: string; busy: number }[]).map((row) => [
			`${row.model_id}/${row.site_id}`,
			Number(row.busy)
		])
	);
}

/** The public catalogue: models and kits, with sites, counts and, for a period, what is free. */
export async function listCatalogue(db: Database, filters: CatalogueFilters = {}): Promise<CatalogueEntry[]> {
	const period = filters.from && filters.to ? { from: filters.from, to: filters.to } : undefined;
	const { models, kits, items, sites, totals, longestBufferMinutes } = await inventorySnapshot(db);
	const busy = period ? await busyCounts(db, period, longestBufferMinutes) : new Map<string, number>();
	const countOf = (modelId: string, siteId: string) => {
		const key = `${modelId}/${siteId}`;
		const total = totals.get(key) ?? 0;
		return { total, free: total - (busy.get(key) ?? 0) };
	};
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
