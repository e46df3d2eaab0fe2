import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { freeSlug, slugFrom } from '../db/slugs';
import { parseInput } from '../forms';
import { withFreeSlug } from '../groups/retry-slug';
import { projectFor, touchTrail, trailFor } from './access';
import { pathLengthMetres, walkingMinutes } from './geo/measure';
import { newTrailSchema, trailSchema } from './trail-schemas';
import { projectMedia, trail, trailStop, trailStopMedia } from './trails.table';

// Addresses the trail pages' own routes use.
const RESERVED = ['new', 'map'];

/** Starts a trail of a project, as a draft. Returns its address. */
export async function createTrail(db: Database, actor: Actor | null, projectSlug: string, input: unknown) {
	return withFreeSlug(() =>
		db.transaction(async (tx) => {
			const found = await projectFor(tx, actor, projectSlug, 'groups.edit-content');
			const request = parseInput(newTrailSchema, input);
			const slug = await freeSlug(tx, trail, trail.slug, slugFrom(request.title, 'parcours'), RESERVED);
			await tx.insert(trail).values({ slug, title: request.title, projectId: found.project.id });
			return slug;
		})
	);
}

/** Changes a trail's texts and path; the stops have their own use cases. */
export async function updateTrail(db: Database, actor: Actor | null, slug: string, input: unknown) {
	await db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, slug, 'groups.edit-content', true);
		const request = parseInput(trailSchema, input);
		await tx.update(trail).set(request).where(eq(trail.id, found.trail.id));
		await touchTrail(tx, found.trail.id);
	});
}

/** Ordered stops of a trail's working copy with their media. */
export async function stopsOf(db: Database, trailId: string) {
	const [stops, media] = await Promise.all([
		db.select().from(trailStop).where(eq(trailStop.trailId, trailId)).orderBy(asc(trailStop.position)),
		db
			.select({ stopId: trailStopMedia.stopId, media: projectMedia })
			.from(trailStopMedia)
			.innerJoin(trailStop, eq(trailStop.id, trailStopMedia.stopId))
			.innerJoin(projectMedia, eq(projectMedia.id, trailStopMedia.mediaId))
			.where(eq(trailStop.trailId, trailId))
			.orderBy(asc(trailStopMedia.position))
	]);
	return stops.map((stop) => ({
		...stop,
		media: media.filter((item) => item.stopId === stop.id).map((item) => item.media)
	}));
}

/** A trail's working copy for its editors: texts, path, stops and their media, with its figures. */
export async function getTrailForEdit(db: Database, actor: Actor | null, slug: string) {
	const found = await trailFor(db, actor, slug, 'groups.edit-content');
	const stops = await stopsOf(db, found.trail.id);
	const metres = pathLengthMetres(found.trail.path);
	return { ...found, stops, lengthMetres: Math.round(metres), walkingMinutes: walkingMinutes(metres) };
}

/** The next free stop number of a trail. */
export async function nextStopPosition(db: Database, trailId: string): Promise<number> {
	const [row] = await db
		.select({ last: sql<number>`coalesce(max(${trailStop.position}), 0)::int` })
		.from(trailStop)
		.where(eq(trailStop.trailId, trailId));
	return (row?.last ?? 0) + 1;
}
