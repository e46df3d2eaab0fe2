import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { can, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { group } from '../groups/groups.table';
import { isSlugText } from '../db/slugs';
import { standingIn } from '../groups/standing';
import { renderMarkdown } from '../markdown';
import { licenceOf } from '../../trails/licences';
import { loansOfProject } from './public-trails';
import { projectSnapshot } from './snapshot';
import { project, trail } from './trails.table';

/**
 * A project's page: the published version for everyone. Its group's members and the moderators
 * may also preview the working copy; to anyone else an unpublished project does not exist.
 */
export async function getProjectPage(db: Database, actor: Actor | null, slug: string, preview: boolean) {
	if (!isSlugText(slug)) throw new NotFound(m.project_not_found());
	const [row] = await db
		.select({ project, group: { id: group.id, slug: group.slug, name: group.name } })
		.from(project)
		.innerJoin(group, eq(group.id, project.groupId))
		.where(eq(project.slug, slug));
	if (!row) throw new NotFound(m.project_not_found());
	const standing = await standingIn(db, row.group.id, actor);
	const insider = can(actor, 'groups.read-drafts', standing);
	const showWorkingCopy = insider && (preview || row.project.published === null);
	const shown = showWorkingCopy ? await projectSnapshot(db, row.project) : row.project.published;
	if (!shown) throw new NotFound(m.project_not_found());
	const trails = await db
		.select({ slug: trail.slug, title: trail.title, published: trail.published })
		.from(trail)
		.where(
			showWorkingCopy
				? eq(trail.projectId, row.project.id)
				: and(eq(trail.projectId, row.project.id), isNotNull(trail.published))
		)
		.orderBy(asc(trail.title));
	return {
		slug: row.project.slug,
		group: { slug: row.group.slug, name: row.group.name },
		project: shown,
		descriptionHtml: renderMarkdown(shown.description),
		licence: licenceOf(shown.licence),
		trails: trails.map((item) => ({
			slug: item.slug,
			title: showWorkingCopy ? item.title : (item.published?.title ?? item.title),
			isPublic: item.published !== null
		})),
		loans: await loansOfProject(db, row.project.slug),
		preview: showWorkingCopy,
		status: insider ? row.project.status : null,
		canEdit: can(actor, 'groups.edit-content', standing)
	};
}
