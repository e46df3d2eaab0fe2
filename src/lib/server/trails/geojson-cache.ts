import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { trailsToGeoJson } from './geo/export';
import { allPublishedTrails, exportTrailOf } from './public-trails';
import { publicTrailsVersion } from './trails.table';

const compressGzip = promisify(gzip);
const compressBrotli = promisify(brotliCompress);

/** The GeoJSON of every published trail, encoded once per publication version. */
export type TrailsGeoJson = { version: number; identity: Buffer; gzip: Buffer; br: Buffer };

const kept = new WeakMap<Database, { version: number; answer: Promise<TrailsGeoJson> }>();

async function publicationVersion(db: Database): Promise<number> {
	const [row] = await db
		.select({ version: publicTrailsVersion.version })
		.from(publicTrailsVersion)
		.where(eq(publicTrailsVersion.id, 1));
	return row?.version ?? 0;
}

async function build(db: Database, origin: string, version: number): Promise<TrailsGeoJson> {
	const trails = await allPublishedTrails(db);
	const identity = Buffer.from(
		JSON.stringify(trailsToGeoJson(trails.map((found) => exportTrailOf(origin, found))))
	);
	// Brotli's default (quality 11) takes a minute on a city's worth of trails; 5 is near gzip's speed.
	const [zipped, brotli] = await Promise.all([
		compressGzip(identity),
		compressBrotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
	]);
	return { version, identity, gzip: zipped, br: brotli };
}

/**
 * All published trails as GeoJSON, rebuilt only when a publication, a withdrawal or a group's new
 * name has changed the version (database triggers keep it): reading and encoding thousands of
 * snapshots takes seconds, the version one row. Requests arriving during a rebuild share it.
 * The version is read before the trails, so what is kept is never older than its version says.
 */
export async function publishedTrailsGeoJson(db: Database, origin: string): Promise<TrailsGeoJson> {
	const version = await publicationVersion(db);
	const current = kept.get(db);
	if (current?.version === version) return current.answer;
	const answer = build(db, origin, version);
	kept.set(db, { version, answer });
	answer.catch(() => {
		if (kept.get(db)?.answer === answer) kept.delete(db);
	});
	return answer;
}
