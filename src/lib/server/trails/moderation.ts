import { eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/record';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound, Refused } from '../errors';
import { parseInput } from '../forms';
import { group } from '../groups/groups.table';
import type { CommunityContext } from '../groups/context';
import { isSlugText } from '../db/slugs';
import { mailModerationOutcome, type ModerationOutcome } from './moderation-mail';
import { commentSchema, publishSchema } from './moderation-schemas';
import { refreshPublicMedia } from './public-media';
import { projectSnapshot, trailSnapshot } from './snapshot';
import { project, trail } from './trails.table';

type Kind = 'trail' | 'project';

async function lockedTrail(db: Database, slug: string) {
	if (!isSlugText(slug)) throw new NotFound(m.trail_not_found());
	const [found] = await db
		.select({ item: trail, project, groupId: group.id })
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.innerJoin(group, eq(group.id, project.groupId))
		.where(eq(trail.slug, slug))
		.for('update', { of: [trail, project] });
	if (!found) throw new NotFound(m.trail_not_found());
	return found;
}

async function lockedProject(db: Database, slug: string) {
	if (!isSlugText(slug)) throw new NotFound(m.project_not_found());
	const [found] = await db
		.select({ item: project, project, groupId: group.id })
		.from(project)
		.innerJoin(group, eq(group.id, project.groupId))
		.where(eq(project.slug, slug))
		.for('update', { of: project });
	if (!found) throw new NotFound(m.project_not_found());
	return found;
}

const lockedItem = (db: Database, kind: Kind, slug: string) =>
	kind === 'trail' ? lockedTrail(db, slug) : lockedProject(db, slug);

type Locked = Awaited<ReturnType<typeof lockedItem>>;

function assertVersion(found: Locked, version: number | undefined) {
	if (version !== undefined && version !== found.item.version)
		throw new Refused('version_changed', m.moderation_version_changed());
}

async function settle(
	db: Database,
	context: CommunityContext,
	actor: Actor,
	kind: Kind,
	found: Locked,
	outcome: ModerationOutcome,
	comment: string | null
) {
	await refreshPublicMedia(db, found.project.id);
	await recordAudit(db, {
		actorId: actor.userId,
		action: `${kind}.${outcome}`,
		subjectType: kind,
		subjectId: found.item.id,
		before: { status: found.item.status, version: found.item.version },
		after: comment ? { comment } : undefined
	});
	const url = `${context.origin}/${kind === 'trail' ? 'trails' : 'projects'}/${found.item.slug}`;
	await mailModerationOutcome(db, context, outcome, {
		kind,
		title: found.item.title,
		url,
		groupId: found.groupId,
		comment
	});
}

const publication = <T>(snapshot: T) => ({
	published: snapshot,
	status: 'published' as const,
	publishedAt: sql`now()`,
	reviewComment: null
});

/**
 * Publishes the version of a submitted trail the moderator read. A project never published goes
 * public with it: the trail page shows it.
 */
export async function publishTrail(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	slug: string,
	input: unknown
) {
	authorize(actor, 'moderation.review');
	const { version, projectVersion } = parseInput(publishSchema, input);
	await db.transaction(async (tx) => {
		const found = await lockedTrail(tx, slug);
		if (found.item.status !== 'submitted') throw new Refused('not_submitted', m.moderation_not_submitted());
		assertVersion(found, version);
		if (found.project.published === null) {
			// Never a project sent back, or changed since the moderator read it.
			if (found.project.status !== 'submitted')
				throw new Refused('project_not_submitted', m.moderation_project_not_submitted());
			if (projectVersion !== found.project.version)
				throw new Refused('version_changed', m.moderation_version_changed());
		}
		const snapshot = await trailSnapshot(tx, found.item);
		await tx.update(trail).set(publication(snapshot)).where(eq(trail.id, found.item.id));
		if (found.project.published === null)
			await tx
				.update(project)
				.set(publication(await projectSnapshot(tx, found.project)))
				.where(eq(project.id, found.project.id));
		await settle(tx, context, actor, 'trail', found, 'published', null);
	});
	context.mailer.nudge();
}

export async function publishProject(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	slug: string,
	input: unknown
) {
	authorize(actor, 'moderation.review');
	const { version } = parseInput(publishSchema, input);
	await db.transaction(async (tx) => {
		const found = await lockedProject(tx, slug);
		if (found.item.status !== 'submitted') throw new Refused('not_submitted', m.moderation_not_submitted());
		assertVersion(found, version);
		await tx
			.update(project)
			.set(publication(await projectSnapshot(tx, found.project)))
			.where(eq(project.id, found.project.id));
		await settle(tx, context, actor, 'project', found, 'published', null);
	});
	context.mailer.nudge();
}

/** Sends a submitted item back to its group with the moderator's comment; what is public stays. */
export async function requestChanges(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	kind: Kind,
	slug: string,
	input: unknown
) {
	authorize(actor, 'moderation.review');
	const { version, comment } = parseInput(commentSchema, input);
	await db.transaction(async (tx) => {
		const found = await lockedItem(tx, kind, slug);
		if (found.item.status !== 'submitted') throw new Refused('not_submitted', m.moderation_not_submitted());
		assertVersion(found, version);
		const table = kind === 'trail' ? trail : project;
		await tx
			.update(table)
			.set({ status: 'changes_requested', reviewComment: comment })
			.where(eq(table.id, found.item.id));
		await settle(tx, context, actor, kind, found, 'changes_requested', comment);
	});
	context.mailer.nudge();
}

/**
 * Takes a published item off the public side, with the reason. A project's trails go with it:
 * none is shown without its project.
 */
export async function unpublish(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	kind: Kind,
	slug: string,
	input: unknown
) {
	authorize(actor, 'moderation.review');
	const { comment } = parseInput(commentSchema, input);
	await db.transaction(async (tx) => {
		const found = await lockedItem(tx, kind, slug);
		if (found.item.published === null) throw new Refused('not_published', m.moderation_not_published());
		const withdrawn = {
			published: null,
			publishedAt: null,
			reviewComment: comment,
			status: sql`case when status = 'published' then 'draft'::moderation_status else status end`
		};
		if (kind === 'trail') await tx.update(trail).set(withdrawn).where(eq(trail.id, found.item.id));
		else {
			await tx.update(project).set(withdrawn).where(eq(project.id, found.item.id));
			await tx.update(trail).set(withdrawn).where(eq(trail.projectId, found.item.id));
		}
		await settle(tx, context, actor, kind, found, 'unpublished', comment);
	});
	context.mailer.nudge();
}
