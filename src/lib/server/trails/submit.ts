import { eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { Refused } from '../errors';
import { projectFor, trailFor } from './access';
import { project, trail, trailStop } from './trails.table';

const SUBMITTABLE = ['draft', 'changes_requested'];
const submitted = { status: 'submitted' as const, submittedAt: sql`now()`, reviewComment: null };

/** Sends a project's working copy to the moderators. */
export async function submitProject(db: Database, actor: Actor | null, slug: string) {
	await db.transaction(async (tx) => {
		const found = await projectFor(tx, actor, slug, 'groups.edit-content', true);
		if (!SUBMITTABLE.includes(found.project.status))
			throw new Refused('not_submittable', m.moderation_nothing_to_submit());
		await tx.update(project).set(submitted).where(eq(project.id, found.project.id));
	});
}

/**
 * Sends a trail's working copy to the moderators; a project never published goes with it, since
 * the public trail page shows it.
 */
export async function submitTrail(db: Database, actor: Actor | null, slug: string) {
	await db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, slug, 'groups.edit-content', true);
		if (!SUBMITTABLE.includes(found.trail.status))
			throw new Refused('not_submittable', m.moderation_nothing_to_submit());
		const [stops] = await tx
			.select({ count: sql<number>`count(*)::int` })
			.from(trailStop)
			.where(eq(trailStop.trailId, found.trail.id));
		if (!stops?.count) throw new Refused('no_stops', m.trail_needs_a_stop());
		await tx.update(trail).set(submitted).where(eq(trail.id, found.trail.id));
		if (found.project.published === null && SUBMITTABLE.includes(found.project.status))
			await tx.update(project).set(submitted).where(eq(project.id, found.project.id));
	});
}
