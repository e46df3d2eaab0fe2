import { eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { authorize, type Action, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { group } from '../groups/groups.table';
import { isSlugText } from '../db/slugs';
import { standingIn } from '../groups/standing';
import { project, trail } from './trails.table';

export type Project = typeof project.$inferSelect;
export type Trail = typeof trail.$inferSelect;
type GroupAction = Extract<Action, 'groups.edit-content' | 'groups.read-drafts'>;

async function projectRow(db: Database, slug: string, lock: boolean) {
	if (!isSlugText(slug)) throw new NotFound(m.project_not_found());
	const query = db
		.select({ project, group: { id: group.id, slug: group.slug, name: group.name } })
		.from(project)
		.innerJoin(group, eq(group.id, project.groupId))
		.where(eq(project.slug, slug));
	const [found] = lock ? await query.for('update', { of: project }) : await query;
	if (!found) throw new NotFound(m.project_not_found());
	return found;
}

/** A project whose group lets the actor do `action`; locked when the caller will change it. */
export async function projectFor(
	db: Database,
	actor: Actor | null,
	slug: string,
	action: GroupAction,
	lock = false
) {
	const found = await projectRow(db, slug, lock);
	authorize(actor, action, await standingIn(db, found.group.id, actor));
	return found;
}

/** A trail with its project and group, checked the same way. */
export async function trailFor(
	db: Database,
	actor: Actor | null,
	slug: string,
	action: GroupAction,
	lock = false
) {
	if (!isSlugText(slug)) throw new NotFound(m.trail_not_found());
	const query = db
		.select({ trail, project, group: { id: group.id, slug: group.slug, name: group.name } })
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.innerJoin(group, eq(group.id, project.groupId))
		.where(eq(trail.slug, slug));
	const [found] = lock ? await query.for('update', { of: trail }) : await query;
	if (!found) throw new NotFound(m.trail_not_found());
	authorize(actor, action, await standingIn(db, found.group.id, actor));
	return found;
}

// An edit makes a new version; a published item's edits wait for review again while the public
// keeps the approved snapshot.
const touched = (table: typeof trail | typeof project) => ({
	version: sql`${table.version} + 1`,
	updatedAt: sql`now()`,
	status: sql`case when ${table.status} = 'published' then 'draft'::moderation_status else ${table.status} end`
});

export const touchTrail = (db: Database, trailId: string) =>
	db.update(trail).set(touched(trail)).where(eq(trail.id, trailId));

export const touchProject = (db: Database, projectId: string) =>
	db.update(project).set(touched(project)).where(eq(project.id, projectId));
