import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { group, trail } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { publishedTrailsGeoJson } from '../../src/lib/server/trails/geojson-cache';
import { publishTrail, unpublish } from '../../src/lib/server/trails/moderation';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';
import { trailsContext } from './trails';

const ORIGIN = 'http://portal.test';
const slugsIn = (body: Buffer) =>
	[
		...new Set(
			(
				JSON.parse(body.toString()) as { features: { properties: { slug?: string; trail?: string } }[] }
			).features.map((feature) => feature.properties.slug ?? feature.properties.trail)
		)
	].sort();

for (const backend of backends()) {
	describe(`the GeoJSON of all trails, kept per publication, on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		it('is built once while nothing is published or withdrawn, and again when something is', async () => {
			const { db } = database;
			const first = await publishedTrailsGeoJson(db, ORIGIN);
			expect(slugsIn(first.identity)).toEqual(['sounds-of-recouvrance']);
			expect(gunzipSync(first.gzip)).toEqual(first.identity);
			expect(brotliDecompressSync(first.br)).toEqual(first.identity);
			// An edit to a working copy changes nothing the public sees: the same bytes are served.
			await db.update(trail).set({ summary: 'Brouillon' }).where(eq(trail.slug, 'lavoirs-de-recouvrance'));
			expect(await publishedTrailsGeoJson(db, ORIGIN)).toBe(first);

			const moderator = await createPerson(db, { roles: ['moderator'] });
			const [waiting] = await db
				.select({ version: trail.version })
				.from(trail)
				.where(eq(trail.slug, 'lavoirs-de-recouvrance'));
			await publishTrail(db, trailsContext(), moderator.actor, 'lavoirs-de-recouvrance', {
				version: String(waiting?.version)
			});
			const published = await publishedTrailsGeoJson(db, ORIGIN);
			expect(published.version).toBeGreaterThan(first.version);
			expect(slugsIn(published.identity)).toEqual(['lavoirs-de-recouvrance', 'sounds-of-recouvrance']);

			await db
				.update(group)
				.set({ name: 'Recouvrance Sonore (association)' })
				.where(eq(group.slug, 'recouvrance-sonore'));
			const renamed = await publishedTrailsGeoJson(db, ORIGIN);
			expect(renamed.identity.toString()).toContain('Recouvrance Sonore (association)');

			await unpublish(db, trailsContext(), moderator.actor, 'trail', 'lavoirs-de-recouvrance', {
				comment: 'Retiré'
			});
			expect(slugsIn((await publishedTrailsGeoJson(db, ORIGIN)).identity)).toEqual(['sounds-of-recouvrance']);
		});
	});
}
