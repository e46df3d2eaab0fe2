import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** URL-safe lowercase words joined by single hyphens. */
export const isSlug = (column: AnyPgColumn): SQL => sql`${column} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`;

/** A localized text must at least carry its French version. */
export const hasFrench = (column: AnyPgColumn): SQL =>
	sql`jsonb_typeof(${column} -> 'fr') = 'string' and length(${column} ->> 'fr') > 0`;
