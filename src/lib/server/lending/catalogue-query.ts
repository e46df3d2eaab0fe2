import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { addDays, zonedInstant } from '../../time/zoned';
import { parseInput } from '../forms';
import type { CatalogueFilters } from './catalogue';
import { periodQuerySchema } from './schemas';

const filter = z
	.string()
	.trim()
	.max(100, { error: () => m.catalogue_filter_invalid() })
	.optional()
	.transform((value) => value || undefined);

/** Search and filters of the catalogue (its period is `periodQuerySchema`). */
export const catalogueFiltersSchema = z.object({ q: filter, category: filter, site: filter });

/** Catalogue filters from a query string, for the page and the API alike. */
export function parseCatalogueQuery(query: Record<string, string>): CatalogueFilters {
	const period = parseInput(periodQuerySchema, { from: query.from, to: query.to });
	return { ...parseInput(catalogueFiltersSchema, query), ...period };
}

const clockDate = z.iso.date({ error: () => m.booking_date_invalid() }).optional();
const clockTime = z
	.string()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.booking_time_invalid() })
	.optional();

/**
 * The catalogue page asks "free between" with native date and time inputs on the city's clock;
 * a missing time means the whole day (from its start, to its end).
 */
export function parseCataloguePage(query: Record<string, string>, timeZone: string): CatalogueFilters {
	const fields = parseInput(
		z.object({ fromDate: clockDate, fromTime: clockTime, toDate: clockDate, toTime: clockTime }),
		query
	);
	const from = fields.fromDate
		? zonedInstant(fields.fromDate, fields.fromTime ?? '00:00', timeZone)
		: undefined;
	const toDate = fields.toDate ?? fields.fromDate;
	const to = toDate
		? fields.toTime
			? zonedInstant(toDate, fields.toTime, timeZone)
			: zonedInstant(addDays(toDate, 1), '00:00', timeZone)
		: undefined;
	const { from: _from, to: _to, ...filters } = query;
	return {
		...parseInput(catalogueFiltersSchema, filters),
		...parseInput(periodQuerySchema, { from: from?.toISOString(), to: to?.toISOString() })
	};
}
