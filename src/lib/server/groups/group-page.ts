import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { user } from '../auth/auth.table';
import { authorize, can, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { project, trail } from '../trails/trails.table';
import { group, groupMember } from './groups.table';
import { groupBySlug, standingIn } from './standing';

/**
 * A group's page. A public read: everyone sees what the group has published; members also see
 * the people, and the drafts with where they stand with the moderators.
 */
export async function getGroupPage(db: Database, actor: Actor | null, slug: string) {
	const found = await groupBySlug(db, slug);
	const standing = await standingIn(db, found.id, actor);
	const insider = can(actor, 'groups.read-drafts', standing);
	const projects = await db
		.select({
			slug: project.slug,
			title: project.title,
			published: project.published,
			status: project.status
		})
		.from(project)
		.where(
			insider
				? eq(project.groupId, found.id)
				: and(eq(project.groupId, found.id), isNotNull(project.published))
		)
		.orderBy(asc(project.title));
	const trails = await db
		.select({
			slug: trail.slug,
			title: trail.title,
			published: trail.published,
			status: trail.status,
			project: project.slug
		})
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.where(
			insider ? eq(project.groupId, found.id) : and(eq(project.groupId, found.id), isNotNull(trail.published))
		)
		.orderBy(asc(trail.title));
	const members = insider
		? await db
				.select({ id: user.id, name: user.name, role: groupMember.role })
				.from(groupMember)
				.innerJoin(user, eq(user.id, groupMember.userId))
				.where(eq(groupMember.groupId, found.id))
				.orderBy(asc(groupMember.role), asc(user.name))
		: [];
	return {
		group: found,
		standing,
		canEdit: can(actor, 'groups.edit-content', standing),
		canManage: can(actor, 'groups.manage', standing),
		// Outsiders see only the published title; members see their working titles.
		projects: projects.map((item) => ({
			slug: item.slug,
			title: insider ? item.title : (item.published?.title ?? item.title),
			status: insider ? item.status : null,
			isPublic: item.published !== null
		})),
		trails: trails.map((item) => ({
			slug: item.slug,
			project: item.project,
			title: insider ? item.title : (item.published?.title ?? item.title),
			status: insider ? item.status : null,
			isPublic: item.published !== null
		})),
		members
	};
}

/** The groups the actor belongs to, with their role. */
export async function listMyGroups(db: Database, actor: Actor | null) {
	authorize(actor, 'account.self');
	return db
		.select({ slug: group.slug, name: group.name, kind: group.kind, role: groupMember.role })
		.from(groupMember)
		.innerJoin(group, eq(group.id, groupMember.groupId))
		.where(eq(groupMember.userId, actor.userId))
		.orderBy(asc(group.name));
}
