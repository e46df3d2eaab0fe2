import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { pathLengthMetres, walkingMinutes } from './geo/measure';
import type { Position } from './geo/types';
import type { PublishedMedia, PublishedProject, PublishedTrail } from './published';
import { projectMedia, type project, type trail } from './trails.table';
import { stopsOf } from './trails';

type MediaRow = typeof projectMedia.$inferSelect;

export const publishedMediaOf = (item: MediaRow): PublishedMedia => ({
	id: item.id,
	key: item.key,
	kind: item.kind,
	mime: item.mime,
	bytes: item.bytes,
	durationSeconds: item.durationSeconds,
	title: item.title,
	author: item.author,
	licence: item.licence,
	language: item.language,
	transcript: item.transcript
});

/** The walked line: the drawn path, or straight from stop to stop when none was drawn. */
export function walkedLine(path: Position[], stops: { position: Position }[]): Position[] {
	return path.length >= 2 ? path : stops.map((stop) => stop.position);
}

/** A trail's working copy as the public would see it if it were published now. */
export async function trailSnapshot(db: Database, row: typeof trail.$inferSelect): Promise<PublishedTrail> {
	const stops = (await stopsOf(db, row.id)).map((stop) => ({
		id: stop.id,
		title: stop.title,
		text: stop.text,
		position: [stop.longitude, stop.latitude] as Position,
		radiusMetres: stop.radiusMetres,
		media: stop.media.map(publishedMediaOf)
	}));
	const metres = pathLengthMetres(walkedLine(row.path, stops));
	return {
		title: row.title,
		summary: row.summary,
		accessibility: row.accessibility,
		path: row.path,
		stops,
		lengthMetres: Math.round(metres),
		walkingMinutes: walkingMinutes(metres)
	};
}

export async function projectSnapshot(
	db: Database,
	row: typeof project.$inferSelect
): Promise<PublishedProject> {
	const [cover] = row.coverMediaId
		? await db.select().from(projectMedia).where(eq(projectMedia.id, row.coverMediaId))
		: [];
	return {
		title: row.title,
		summary: row.summary,
		description: row.description,
		cover: cover ? publishedMediaOf(cover) : null,
		themes: row.themes,
		credits: row.credits,
		licence: row.licence
	};
}
