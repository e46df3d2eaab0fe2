import { and, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { isUuid } from '../ids';
import { touchTrail, trailFor } from './access';
import type { TrailsContext } from './context';
import { project, projectMedia, trailStop, trailStopMedia } from './trails.table';

/**
 * Takes a media item off a stop. A file nothing else uses — no other stop, not the cover, not
 * a published version — is deleted with it.
 */
export async function removeStopMedia(
	db: Database,
	context: TrailsContext,
	actor: Actor | null,
	trailSlug: string,
	stopId: string,
	mediaId: string
) {
	if (!isUuid(stopId) || !isUuid(mediaId)) throw new NotFound(m.media_not_found());
	const orphanKey = await db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, trailSlug, 'groups.edit-content', true);
		const removed = await tx
			.delete(trailStopMedia)
			.where(
				and(
					eq(trailStopMedia.stopId, stopId),
					eq(trailStopMedia.mediaId, mediaId),
					sql`exists (select 1 from ${trailStop} where ${trailStop.id} = ${stopId} and ${trailStop.trailId} = ${found.trail.id})`
				)
			)
			.returning({ mediaId: trailStopMedia.mediaId });
		if (removed.length === 0) throw new NotFound(m.media_not_found());
		await touchTrail(tx, found.trail.id);
		return dropUnusedMedia(tx, mediaId);
	});
	// Only once the row is gone for good: a rolled-back removal must still find its file.
	if (orphanKey) await context.media.storage.remove(orphanKey);
}

/**
 * Deletes a media row nothing uses any more — no stop, not a cover, not in a published version —
 * and returns its key, for the caller to remove the file after the commit.
 */
export async function dropUnusedMedia(db: Database, mediaId: string): Promise<string | null> {
	const [orphan] = await db
		.delete(projectMedia)
		.where(
			and(
				eq(projectMedia.id, mediaId),
				eq(projectMedia.public, false),
				sql`not exists (select 1 from ${trailStopMedia} where ${trailStopMedia.mediaId} = ${mediaId})`,
				sql`not exists (select 1 from ${project} where ${project.coverMediaId} = ${mediaId})`
			)
		)
		.returning({ key: projectMedia.key });
	return orphan?.key ?? null;
}
