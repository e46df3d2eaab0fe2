import { pickLocalized } from '../../i18n/localized-text';
import type { Locale } from '../../paraglide/runtime';
import type { Database } from '../db/client';
import { keptFor } from './busy-units';
import { catalogueOf, type CatalogueEntry, type CatalogueFilters } from './catalogue';
import { catalogueSnapshot } from './catalogue-memory';

const encoder = new TextEncoder();

/**
 * `GET /api/equipment` as UTF-8 JSON. The same question asked again before a hold or the inventory
 * changes in a way that could alter it gets the answer already written (past windows, asked of
 * the database, are not kept).
 */
export async function catalogueJson(
	db: Database,
	filters: CatalogueFilters,
	locale: Locale
): Promise<Uint8Array<ArrayBuffer>> {
	const key = JSON.stringify([locale, filters.q, filters.category, filters.site, filters.from, filters.to]);
	const snapshot = await catalogueSnapshot(db);
	const known = snapshot.answers.get(key);
	if (known !== undefined) return known;
	const generation = snapshot.generation;
	const answer = encodeCatalogue(await catalogueOf(db, snapshot, filters), locale);
	if (snapshot.generation === generation && keptFor(snapshot, filters)) {
		const period =
			filters.from && filters.to ? { from: filters.from.getTime(), to: filters.to.getTime() } : undefined;
		snapshot.answers.set(key, answer, period);
	}
	return answer;
}

/** The API's view of catalogue entries, in one language. */
export function encodeCatalogue(entries: CatalogueEntry[], locale: Locale): Uint8Array<ArrayBuffer> {
	return encoder.encode(
		JSON.stringify(
			entries.map((entry) => ({
				slug: entry.slug,
				kind: entry.kind,
				name: pickLocalized(entry.name, locale),
				category: entry.category.slug,
				total: entry.total,
				available: entry.available,
				approvalRequired: entry.approvalRequired,
				trainingRequired: entry.trainingRequired,
				sites: entry.sites
			}))
		)
	);
}
