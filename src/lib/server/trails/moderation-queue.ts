import { desc, eq, isNotNull, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { group } from '../groups/groups.table';
import { isSlugText } from '../db/slugs';
import { projectChanges, trailChanges } from './changes';
import { projectSnapshot, trailSnapshot } from './snapshot';
import { project, trail } from './trails.table';

/** What waits for the moderators, oldest first, and what is published (to withdraw if need be). */
export async function listModerationQueue(db: Database, actor: Actor | null) {
	authorize(actor, 'moderation.review');
	const [trails, projects] = await Promise.all([
		db
			.select({
				slug: trail.slug,
				title: trail.title,
				status: trail.status,
				submittedAt: trail.submittedAt,
				isPublic: isNotNull(trail.published),
				group: group.name
			})
			.from(trail)
			.innerJoin(project, eq(project.id, trail.projectId))
			.innerJoin(group, eq(group.id, project.groupId))
			.where(or(eq(trail.status, 'submitted'), isNotNull(trail.published)))
			.orderBy(desc(trail.submittedAt)),
		db
			.select({
				slug: project.slug,
				title: project.title,
				status: project.status,
				submittedAt: project.submittedAt,
				isPublic: isNotNull(project.published),
				group: group.name
			})
			.from(project)
			.innerJoin(group, eq(group.id, project.groupId))
			.where(or(eq(project.status, 'submitted'), isNotNull(project.published)))
			.orderBy(desc(project.submittedAt))
	]);
	const waiting = <T extends { status: string; submittedAt: Date | null }>(rows: T[]) =>
		rows
			.filter((row) => row.status === 'submitted')
			.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
	return {
		waiting: { trails: waiting(trails), projects: waiting(projects) },
		published: {
			trails: trails.filter((row) => row.isPublic),
			projects: projects.filter((row) => row.isPublic)
		}
	};
}

/** A trail as submitted, next to what the public sees, with the differences listed. */
export async function getTrailReview(db: Database, actor: Actor | null, slug: string) {
	authorize(actor, 'moderation.review');
	if (!isSlugText(slug)) throw new NotFound(m.trail_not_found());
	const [found] = await db
		.select({ trail, project, group: { slug: group.slug, name: group.name } })
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.innerJoin(group, eq(group.id, project.groupId))
		.where(eq(trail.slug, slug));
	if (!found) throw new NotFound(m.trail_not_found());
	const submitted = await trailSnapshot(db, found.trail);
	return {
		kind: 'trail' as const,
		slug: found.trail.slug,
		status: found.trail.status,
		version: found.trail.version,
		reviewComment: found.trail.reviewComment,
		isPublic: found.trail.published !== null,
		group: found.group,
		project: {
			slug: found.project.slug,
			title: found.project.title,
			status: found.project.status,
			version: found.project.version,
			isPublic: found.project.published !== null
		},
		submitted,
		changes: trailChanges(found.trail.published, submitted)
	};
}

export async function getProjectReview(db: Database, actor: Actor | null, slug: string) {
	authorize(actor, 'moderation.review');
	if (!isSlugText(slug)) throw new NotFound(m.project_not_found());
	const [found] = await db
		.select({ project, group: { slug: group.slug, name: group.name } })
		.from(project)
		.innerJoin(group, eq(group.id, project.groupId))
		.where(eq(project.slug, slug));
	if (!found) throw new NotFound(m.project_not_found());
	const submitted = await projectSnapshot(db, found.project);
	return {
		kind: 'project' as const,
		slug: found.project.slug,
		status: found.project.status,
		version: found.project.version,
		reviewComment: found.project.reviewComment,
		isPublic: found.project.published !== null,
		group: found.group,
		submitted,
		changes: projectChanges(found.project.published, submitted)
	};
}
