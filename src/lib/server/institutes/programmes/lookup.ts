import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../../db/client';
import { isSlugText } from '../../db/slugs';
import { NotFound } from '../../errors';
import { institute, programme } from '../institutes.table';

export type Programme = typeof programme.$inferSelect;
export type Institute = typeof institute.$inferSelect;

/** An address that cannot be a slug finds nothing and never reaches the database. */
export async function instituteBySlug(db: Database, slug: string): Promise<Institute> {
	if (!isSlugText(slug)) throw new NotFound(m.institute_not_found());
	const [found] = await db.select().from(institute).where(eq(institute.slug, slug));
	if (!found) throw new NotFound(m.institute_not_found());
	return found;
}

export async function programmeBySlug(db: Database, slug: string, lock = false): Promise<Programme> {
	if (!isSlugText(slug)) throw new NotFound(m.programme_not_found());
	const query = db.select().from(programme).where(eq(programme.slug, slug));
	const [found] = lock ? await query.for('update') : await query;
	if (!found) throw new NotFound(m.programme_not_found());
	return found;
}
