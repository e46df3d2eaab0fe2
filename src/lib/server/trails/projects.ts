import { asc, eq } from 'drizzle-orm';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { freeSlug, slugFrom } from '../db/slugs';
import { parseInput } from '../forms';
import { withFreeSlug } from '../groups/retry-slug';
import { groupBySlug, standingIn } from '../groups/standing';
import { projectFor, touchProject } from './access';
import { projectSchema } from './project-schemas';
import { projectMedia, project, trail } from './trails.table';

// Addresses the project pages' own routes use.
const RESERVED = ['new'];

/** Starts a project of a group, as a draft. Returns its address. */
export async function createProject(db: Database, actor: Actor | null, groupSlug: string, input: unknown) {
	const owner = await groupBySlug(db, groupSlug);
	authorize(actor, 'groups.edit-content', await standingIn(db, owner.id, actor));
	const request = parseInput(projectSchema, input);
	return withFreeSlug(() =>
		db.transaction(async (tx) => {
			const slug = await freeSlug(tx, project, project.slug, slugFrom(request.title, 'projet'), RESERVED);
			await tx.insert(project).values({ ...request, slug, groupId: owner.id });
			return slug;
		})
	);
}

export async function updateProject(db: Database, actor: Actor | null, slug: string, input: unknown) {
	await db.transaction(async (tx) => {
		const found = await projectFor(tx, actor, slug, 'groups.edit-content', true);
		const request = parseInput(projectSchema, input);
		await tx.update(project).set(request).where(eq(project.id, found.project.id));
		await touchProject(tx, found.project.id);
	});
}

/** The working copy of a project with its trails and media, for its group's editors. */
export async function getProjectForEdit(db: Database, actor: Actor | null, slug: string) {
	const found = await projectFor(db, actor, slug, 'groups.edit-content');
	const [trails, media] = await Promise.all([
		db
			.select({ slug: trail.slug, title: trail.title, status: trail.status, isPublic: trail.published })
			.from(trail)
			.where(eq(trail.projectId, found.project.id))
			.orderBy(asc(trail.title)),
		db
			.select({
				id: projectMedia.id,
				kind: projectMedia.kind,
				title: projectMedia.title,
				key: projectMedia.key
			})
			.from(projectMedia)
			.where(eq(projectMedia.projectId, found.project.id))
			.orderBy(asc(projectMedia.createdAt))
	]);
	return {
		...found,
		trails: trails.map(({ isPublic, ...item }) => ({ ...item, isPublic: isPublic !== null })),
		media
	};
}
