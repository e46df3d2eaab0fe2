import { like, or, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client';
import { escapeLike } from './like';

/** A URL-safe address from a title: "Sons de Recouvrance !" → "sons-de-recouvrance". */
export function slugFrom(text: string, fallback = 'item'): string {
	const slug = text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return slug || fallback;
}

/**
 * The first free address among `base`, `base-2`, `base-3`… in a table. A unique index still has
 * the last word: two creations racing for the same address make one of them fail and retry.
 */
export async function freeSlug(
	db: Database,
	table: PgTable,
	column: AnyPgColumn,
	base: string,
	reserved: readonly string[] = []
): Promise<string> {
	const rows = await db
		.select({ slug: column })
		.from(table)
		.where(or(eq(column, base), like(column, `${escapeLike(base)}-%`)));
	const taken = new Set([...rows.map((row) => String(row.slug)), ...reserved]);
	if (!taken.has(base)) return base;
	for (let suffix = 2; ; suffix++) {
		const candidate = `${base}-${suffix}`;
		if (!taken.has(candidate)) return candidate;
	}
}

/** Whether a text could be an address at all: anything else (a NUL above all) is simply not found. */
export const isSlugText = (text: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
