import { asc } from 'drizzle-orm';
import type { LocalizedText } from '../../i18n/localized-text';
import type { Database } from '../db/client';
import { equipmentCategory, type EquipmentPhoto } from './equipment.table';
import { busyUnits } from './busy-units';
import { catalogueSnapshot, type CatalogueSnapshot } from './catalogue-memory';
import { cellOf } from './inventory';
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

/** The public catalogue: models and kits, with sites, counts and, for a period, what is free. */
export async function listCatalogue(db: Database, filters: CatalogueFilters = {}): Promise<CatalogueEntry[]> {
	return catalogueOf(db, await catalogueSnapshot(db), filters);
}

/** The catalogue from a snapshot just refreshed (the database answers only for past windows). */
export async function catalogueOf(
	db: Database,
	snapshot: CatalogueSnapshot,
	filters: CatalogueFilters
): Promise<CatalogueEntry[]> {
	const period = filters.from && filters.to ? { from: filters.from, to: filters.to } : undefined;
	const { models, kits, linesOf, sites, totals, modelIndex, siteIndex } = snapshot.inventory;
	const busy = period ? await busyUnits(db, snapshot, period) : undefined;
	const countOf = (model: number, place: number) => {
		const cell = cellOf(model, place, sites.length);
		const total = totals[cell] ?? 0;
		return { total, free: total - (busy?.[cell] ?? 0) };
	};
	const wantedSites = sites.flatMap((place, index) =>
		!filters.site || place.slug === filters.site ? [{ place, index }] : []
	);

	const entries: CatalogueEntry[] = models.map((model, modelAt) => {
		const perSite = wantedSites
			.map(({ place, index }) => ({ place, ...countOf(modelAt, index) }))
			.filter((row) => row.total > 0);
		return {
			kind: 'model',
			slug: model.slug,
			name: model.name,
			description: model.description,
			category: model.category,
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
		const lines = (linesOf.get(bundle.id) ?? []).map((line) => ({
			...line,
			model: models[modelIndex.get(line.modelId) ?? -1],
			at: modelIndex.get(line.modelId) ?? -1
		}));
		const first = lines[0]?.model;
		const wanted = wantedSites.find((candidate) => candidate.place.id === bundle.siteId);
		if (!first || !wanted || siteIndex.get(bundle.siteId) === undefined) continue;
		const { place } = wanted;
		const make = (pick: 'total' | 'free') =>
			Math.min(...lines.map((line) => Math.floor(countOf(line.at, wanted.index)[pick] / line.quantity)));
		const total = make('total');
		const available = period ? make('free') : null;
		entries.push({
			kind: 'kit',
			slug: bundle.slug,
			name: bundle.name,
			description: bundle.description,
			category: first.category,
			photo: first.photos[0] ?? null,
			approvalRequired: lines.some((line) => line.model?.approvalRequired),
			trainingRequired: lines.some((line) => line.model?.requiredModuleId),
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
