import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { InvalidInput } from '../errors';
import { touchTrail, trailFor } from './access';
import { importTrailFile, TrailImportError } from './geo/import';
import { MAX_STOPS } from './stops';
import { nextStopPosition } from './trails';
import { trail, trailStop } from './trails.table';

/**
 * What a file says as plain words on one line: control characters (a NUL, which Postgres refuses,
 * above all) and runs of spaces go, as the editor's own text fields refuse them.
 */
const plain = (text: string) =>
	[...text]
		.map((character) =>
			character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f ? ' ' : character
		)
		.join('')
		.replace(/\s+/g, ' ')
		.trim();

const messageOf = (problem: TrailImportError) => {
	switch (problem.code) {
		case 'empty':
			return m.trail_import_empty();
		case 'too_many_points':
			return m.trail_import_too_big();
		case 'out_of_range':
			return m.trail_import_out_of_range();
		default:
			return m.trail_import_unreadable();
	}
};

/**
 * Takes a GPX, KML or GeoJSON file: its line becomes the trail's path (when it has one) and its
 * points are added as stops after the existing ones, for the author to complete.
 */
export async function importIntoTrail(
	db: Database,
	actor: Actor | null,
	slug: string,
	file: Uint8Array | undefined
) {
	await trailFor(db, actor, slug, 'groups.edit-content');
	if (!file) throw new InvalidInput([{ path: 'file', message: m.media_file_required() }]);
	let imported;
	try {
		imported = importTrailFile(new TextDecoder('utf-8', { fatal: false }).decode(file));
	} catch (problem) {
		if (problem instanceof TrailImportError)
			throw new InvalidInput([{ path: 'file', message: messageOf(problem) }]);
		throw problem;
	}
	return db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, slug, 'groups.edit-content', true);
		if (imported.path.length >= 2)
			await tx.update(trail).set({ path: imported.path }).where(eq(trail.id, found.trail.id));
		const first = await nextStopPosition(tx, found.trail.id);
		if (first - 1 + imported.stops.length > MAX_STOPS)
			throw new InvalidInput([{ path: 'file', message: m.trail_too_many_stops({ max: MAX_STOPS }) }]);
		if (imported.stops.length > 0)
			await tx.insert(trailStop).values(
				imported.stops.map((stop, index) => ({
					trailId: found.trail.id,
					position: first + index,
					title: plain(stop.title).slice(0, 160) || m.trail_import_stop_title({ number: first + index }),
					// KML descriptions are often HTML: keep the words, not the markup.
					text: plain(stop.text.replace(/<[^>]*>/g, ' ')).slice(0, 5000),
					longitude: stop.position[0],
					latitude: stop.position[1]
				}))
			);
		await touchTrail(tx, found.trail.id);
		return { points: imported.path.length, stops: imported.stops.length };
	});
}
