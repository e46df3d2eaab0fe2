import { and, eq, isNotNull, notInArray, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { PublishedMedia } from './published';
import { project, projectMedia, trail } from './trails.table';

/**
 * Marks which of a project's files the public may fetch: those its published project and trails
 * show. Run after every publication and withdrawal, in the same transaction.
 */
export async function refreshPublicMedia(db: Database, projectId: string) {
	const [owner] = await db
		.select({ published: project.published })
		.from(project)
		.where(eq(project.id, projectId));
	const trails = await db
		.select({ published: trail.published })
		.from(trail)
		.where(and(eq(trail.projectId, projectId), isNotNull(trail.published)));
	const shown: PublishedMedia[] = [
		...(owner?.published?.cover ? [owner.published.cover] : []),
		...trails.flatMap((row) => row.published?.stops.flatMap((stop) => stop.media) ?? [])
	];
	const keys = [...new Set(shown.map((item) => item.key))];
	const mine = eq(projectMedia.projectId, projectId);
	if (keys.length === 0) {
		await db.update(projectMedia).set({ public: false }).where(mine);
		return;
	}
	await db
		.update(projectMedia)
		.set({ public: true })
		.where(and(mine, inArray(projectMedia.key, keys)));
	await db
		.update(projectMedia)
		.set({ public: false })
		.where(and(mine, notInArray(projectMedia.key, keys)));
}
