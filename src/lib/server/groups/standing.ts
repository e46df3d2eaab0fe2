import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Actor, GroupStanding } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { isSlugText } from '../db/slugs';
import { group, groupMember } from './groups.table';

export type Group = typeof group.$inferSelect;

/**
 * Whether an address from the URL can be a slug at all. One that cannot finds nothing, and is not
 * sent to the database: a NUL (%00) in a query parameter is an error there, not an empty result.
 */
export async function groupBySlug(db: Database, slug: string, lock = false): Promise<Group> {
	if (!isSlugText(slug)) throw new NotFound(m.group_not_found());
	const query = db.select().from(group).where(eq(group.slug, slug));
	const [found] = lock ? await query.for('update') : await query;
	if (!found) throw new NotFound(m.group_not_found());
	return found;
}

/** The actor's role in the group, read afresh for every decision (roles change). */
export async function standingIn(db: Database, groupId: string, actor: Actor | null): Promise<GroupStanding> {
	if (!actor) return { role: null };
	const [row] = await db
		.select({ role: groupMember.role })
		.from(groupMember)
		.where(and(eq(groupMember.groupId, groupId), eq(groupMember.userId, actor.userId)));
	return { role: row?.role ?? null };
}
