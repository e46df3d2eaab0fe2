import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, projectMedia } from '../../src/lib/server/db/schema';
import { InvalidInput } from '../../src/lib/server/errors';
import { publishProject } from '../../src/lib/server/trails/moderation';
import { setProjectCover } from '../../src/lib/server/trails/project-cover';
import { createProject } from '../../src/lib/server/trails/projects';
import { submitProject } from '../../src/lib/server/trails/submit';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';
import { refusal } from './refusal';
import { filesIn, groupWithMembers, jpegWithGps, trailsContext } from './trails';

const photo = jpegWithGps(new Uint8Array(readFileSync('tests/fixtures/media/dot.jpg')));
const clip = new Uint8Array(readFileSync('tests/fixtures/media/tone-cbr.mp3'));
const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

for (const backend of backends()) {
	describe(`project covers on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('keeps a cover photo without its GPS position, private until the project is published', async () => {
			const context = trailsContext();
			const cast = await groupWithMembers(database.db);
			const slug = await createProject(database.db, cast.editor.actor, cast.slug, { title: 'Couverture' });
			const fields = { description: 'Le pont au lever du jour', author: 'Editor' };
			expect(ascii(photo)).toContain('Exif');

			const noDescription = await refusal(
				setProjectCover(database.db, context, cast.editor.actor, slug, {
					file: photo,
					fields: { author: 'x' }
				})
			);
			expect((noDescription as InvalidInput).issues.map((issue) => issue.path)).toEqual(['description']);
			const audio = await refusal(
				setProjectCover(database.db, context, cast.editor.actor, slug, { file: clip, fields })
			);
			expect((audio as InvalidInput).issues.map((issue) => issue.path)).toEqual(['file']);
			expect(filesIn(context.directory)).toEqual([]);

			await setProjectCover(database.db, context, cast.editor.actor, slug, { file: photo, fields });
			const [cover] = await database.db
				.select({ key: projectMedia.key, public: projectMedia.public, transcript: projectMedia.transcript })
				.from(projectMedia)
				.innerJoin(project, eq(project.coverMediaId, projectMedia.id))
				.where(eq(project.slug, slug));
			expect(cover).toMatchObject({ public: false, transcript: 'Le pont au lever du jour' });
			const stored = (await context.media.storage.get(cover?.key ?? '')) ?? new Uint8Array();
			// The photo as it was before its location was written in, byte for byte.
			expect(stored).toEqual(new Uint8Array(readFileSync('tests/fixtures/media/dot.jpg')));

			// A new draft cover replaces the old one, whose file nothing uses any more.
			await setProjectCover(database.db, context, cast.editor.actor, slug, { file: photo, fields });
			const [replaced] = await database.db
				.select({ key: projectMedia.key })
				.from(projectMedia)
				.innerJoin(project, eq(project.coverMediaId, projectMedia.id))
				.where(eq(project.slug, slug));
			expect(replaced?.key).not.toBe(cover?.key);
			expect(filesIn(context.directory)).toEqual([replaced?.key]);

			const moderator = await createPerson(database.db, { roles: ['moderator'] });
			await submitProject(database.db, cast.editor.actor, slug);
			const [row] = await database.db
				.select({ version: project.version })
				.from(project)
				.where(eq(project.slug, slug));
			await publishProject(database.db, context, moderator.actor, slug, { version: String(row?.version) });
			const [after] = await database.db
				.select({ public: projectMedia.public })
				.from(projectMedia)
				.where(eq(projectMedia.key, replaced?.key ?? ''));
			expect(after?.public).toBe(true);
		});
	});
}
