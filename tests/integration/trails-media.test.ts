import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { projectMedia, trailStopMedia } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { publishTrail, unpublish } from '../../src/lib/server/trails/moderation';
import { getPublishedTrail } from '../../src/lib/server/trails/public-trails';
import { removeStop } from '../../src/lib/server/trails/stops';
import { submitTrail } from '../../src/lib/server/trails/submit';
import { getTrailForEdit } from '../../src/lib/server/trails/trails';
import { addStopMedia } from '../../src/lib/server/trails/upload-media';
import { fixture } from '../fixtures/media/synthetic';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';
import { refusal } from './refusal';
import {
	ELF,
	filesIn,
	groupWithMembers,
	jpegWithGps,
	trailWithStops,
	trailsContext,
	trailsRowCounts,
	type GroupCast,
	withProjectVersion
} from './trails';

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

const audioFields = {
	title: 'Les cloches de Saint-Sauveur',
	author: 'Atelier radio de Recouvrance',
	language: 'FR',
	transcript: 'Les cloches sonnent midi au-dessus du quartier.'
};

/** An MP3 of bare frames glued end to end: still an MP3, as long as wanted. */
function longMp3(bytes: number) {
	const frames = fixture('tone-plain.mp3');
	const file = new Uint8Array(bytes);
	for (let at = 0; at < bytes; at += frames.length) file.set(frames.subarray(0, bytes - at), at);
	return file;
}

for (const backend of backends()) {
	describe(`media of trail stops on ${backend.name}`, () => {
		let database: TestDatabase;
		let cast: GroupCast;
		beforeAll(async () => {
			database = await backend.fresh();
			cast = await groupWithMembers(database.db, 'Ondes de Recouvrance');
		});
		afterAll(() => database.close());

		const mediaRow = async (id: string) => {
			const [row] = await database.db.select().from(projectMedia).where(eq(projectMedia.id, id));
			if (!row) throw new Error(`no media ${id}`);
			return row;
		};

		/** A trail of its own and a context whose directory holds nothing yet. */
		async function setting(title: string) {
			const context = trailsContext();
			const made = await trailWithStops(database.db, cast, { title });
			const upload = (
				file: Uint8Array | undefined,
				fields: Record<string, string> = audioFields,
				options: { actor?: Actor | null; stop?: string } = {}
			) =>
				addStopMedia(
					database.db,
					context,
					options.actor === undefined ? cast.editor.actor : options.actor,
					made.trailSlug,
					options.stop ?? made.stops[0] ?? '',
					{ file, fields }
				);
			return { context, upload, ...made };
		}

		it('stores an MP3 as audio with its duration, the project’s licence and its transcript', async () => {
			const { context, upload, trailSlug, stops } = await setting('Cloches');
			const mp3 = fixture('tone-cbr.mp3');
			const versionBefore = (await getTrailForEdit(database.db, cast.editor.actor, trailSlug)).trail.version;
			const id = await upload(mp3);
			const row = await mediaRow(id);
			expect(row).toMatchObject({
				kind: 'audio',
				mime: 'audio/mpeg',
				bytes: mp3.length,
				durationSeconds: 2,
				title: 'Les cloches de Saint-Sauveur',
				author: 'Atelier radio de Recouvrance',
				licence: 'cc-by-sa-4.0',
				language: 'fr',
				transcript: 'Les cloches sonnent midi au-dessus du quartier.',
				public: false,
				uploadedBy: cast.editor.id
			});
			expect(row.key).toMatch(new RegExp(`^projects/${row.projectId}/[0-9a-f-]{36}\\.mp3$`));
			expect(filesIn(context.directory)).toEqual([row.key]);
			expect(await context.media.storage.get(row.key)).toEqual(mp3);

			// A second one plays after it, with a licence of its own; the trail has a new version.
			const second = await upload(fixture('tone.m4a'), { ...audioFields, licence: 'cc0-1.0' });
			expect(await mediaRow(second)).toMatchObject({
				kind: 'audio',
				mime: 'audio/mp4',
				licence: 'cc0-1.0',
				durationSeconds: 2
			});
			const video = await upload(fixture('clip.mp4'), audioFields, { stop: stops[1] });
			expect(await mediaRow(video)).toMatchObject({ kind: 'video', mime: 'video/mp4', durationSeconds: 1 });
			const edited = await getTrailForEdit(database.db, cast.editor.actor, trailSlug);
			expect(edited.stops.map((stop) => stop.media.map((item) => item.id))).toEqual([
				[id, second],
				[video],
				[]
			]);
			expect(edited.trail.version).toBe(versionBefore + 3);
			expect(filesIn(context.directory)).toHaveLength(3);
		});

		it('refuses sound or video without a transcript, and keeps no file', async () => {
			const { context, upload } = await setting('Sans transcription');
			const before = await trailsRowCounts(database.db);
			for (const file of [fixture('tone.ogg'), fixture('clip-vp8.webm')]) {
				const problem = await refusal(upload(file, { ...audioFields, transcript: '  ' }));
				expect((problem as InvalidInput).issues).toEqual([
					{ path: 'transcript', message: m.media_transcript_required() }
				]);
			}
			expect(filesIn(context.directory)).toEqual([]);
			expect(await trailsRowCounts(database.db)).toEqual(before);
		});

		it('refuses a renamed executable and other files that are not media, and keeps nothing', async () => {
			const { context, upload } = await setting('Exécutables');
			const before = await trailsRowCounts(database.db);
			for (const file of [
				ELF,
				fixture('clip-theora.ogv'),
				new TextEncoder().encode('#!/bin/sh\nrm -rf /\n')
			]) {
				const problem = await refusal(upload(file));
				expect((problem as InvalidInput).issues).toEqual([{ path: 'file', message: m.media_type_refused() }]);
			}
			// A photo too damaged to clean is refused under the form's file field like the rest.
			const damaged = await refusal(upload(fixture('dot.jpg').subarray(0, 60)));
			expect((damaged as InvalidInput).issues).toEqual([{ path: 'file', message: m.photo_unreadable() }]);
			for (const file of [undefined, new Uint8Array()]) {
				const problem = await refusal(upload(file));
				expect((problem as InvalidInput).issues).toEqual([
					{ path: 'file', message: m.media_file_required() }
				]);
			}
			expect(filesIn(context.directory)).toEqual([]);
			expect(await trailsRowCounts(database.db)).toEqual(before);
		});

		it('refuses a file over its kind’s limit, saying how many megabytes are allowed', async () => {
			const { context, upload } = await setting('Trop lourd');
			const before = await trailsRowCounts(database.db);
			const big = longMp3(1_200_000);
			const problem = await refusal(upload(big));
			expect((problem as InvalidInput).issues).toEqual([
				{ path: 'file', message: m.media_too_large({ megabytes: 1 }) }
			]);
			expect((problem as InvalidInput).issues[0]?.message).toMatch(/\b1 (Mo|MB)\b/);
			expect(filesIn(context.directory)).toEqual([]);
			expect(await trailsRowCounts(database.db)).toEqual(before);
			// Exactly at the limit passes: the limit is what is allowed.
			const id = await upload(longMp3(1_000_000));
			expect((await mediaRow(id)).bytes).toBe(1_000_000);
			expect(filesIn(context.directory)).toHaveLength(1);
		});

		it('keeps a photo without where it was taken; a photo needs no transcript', async () => {
			const { context, upload } = await setting('Photo située');
			const dot = fixture('dot.jpg');
			const located = jpegWithGps(dot);
			expect(text(located)).toContain('Exif');
			const id = await upload(located, { title: 'La tour', author: 'Maëlle', transcript: '' });
			const row = await mediaRow(id);
			expect(row).toMatchObject({
				kind: 'photo',
				mime: 'image/jpeg',
				durationSeconds: null,
				transcript: null,
				bytes: dot.length
			});
			expect(row.key).toMatch(/\.jpg$/);
			const stored = (await context.media.storage.get(row.key)) ?? new Uint8Array();
			expect(text(stored)).not.toContain('Exif');
			// The photo as it was before its location was written in, byte for byte.
			expect(stored).toEqual(dot);
			expect(filesIn(context.directory)).toEqual([row.key]);
		});

		it('refuses people outside the group’s editors, and a stop of another trail, leaving no file', async () => {
			const { context, upload } = await setting('Gardée');
			const elsewhere = await trailWithStops(database.db, cast, { title: 'Ailleurs' });
			const before = await trailsRowCounts(database.db);
			for (const actor of [cast.member.actor, cast.outsider.actor, null]) {
				expect(await refusal(upload(fixture('tone-cbr.mp3'), audioFields, { actor }))).toBeInstanceOf(
					actor ? Forbidden : NotSignedIn
				);
			}
			// The stop is checked once the file is stored: the file goes again.
			for (const stop of [elsewhere.stops[0] ?? '', '00000000-0000-4000-8000-000000000000', 'arrêt']) {
				expect(await refusal(upload(fixture('tone-cbr.mp3'), audioFields, { stop }))).toBeInstanceOf(
					NotFound
				);
			}
			const bad = await refusal(
				upload(fixture('tone-cbr.mp3'), { title: '', author: 'x', language: 'breton' })
			);
			expect((bad as InvalidInput).issues.map((issue) => issue.path).sort()).toEqual(['language', 'title']);
			expect(filesIn(context.directory)).toEqual([]);
			expect(await trailsRowCounts(database.db)).toEqual(before);
		});

		it('lets the public fetch a file only while a published trail shows it', async () => {
			const { upload, trailSlug, stops } = await setting('Publique');
			const moderator = await createPerson(database.db, { roles: ['moderator'] });
			const context = trailsContext();
			const shown = await upload(fixture('tone-cbr.mp3'));
			const photo = await upload(fixture('dot.png'), { title: 'Vue', author: 'Maëlle' }, { stop: stops[2] });
			const dropped = await upload(fixture('tone.opus'), audioFields, { stop: stops[1] });
			await removeStop(database.db, cast.editor.actor, trailSlug, stops[1] ?? '');
			// The file stays in the project, used by no stop.
			expect(
				await database.db.select().from(trailStopMedia).where(eq(trailStopMedia.mediaId, dropped))
			).toEqual([]);
			const publicOf = async () =>
				Promise.all([shown, photo, dropped].map(async (id) => (await mediaRow(id)).public));
			expect(await publicOf()).toEqual([false, false, false]);

			await submitTrail(database.db, cast.editor.actor, trailSlug);
			expect(await publicOf()).toEqual([false, false, false]);
			const { version } = (await getTrailForEdit(database.db, cast.editor.actor, trailSlug)).trail;
			await publishTrail(
				database.db,
				context,
				moderator.actor,
				trailSlug,
				await withProjectVersion(database.db, trailSlug, { version })
			);
			expect(await publicOf()).toEqual([true, true, false]);
			const published = await getPublishedTrail(database.db, trailSlug);
			expect(published.trail.stops.map((stop) => stop.media.map((item) => item.id))).toEqual([
				[shown],
				[photo]
			]);
			expect(published.trail.stops[0]?.media[0]).toMatchObject({
				kind: 'audio',
				durationSeconds: 2,
				transcript: audioFields.transcript,
				licence: 'cc-by-sa-4.0'
			});

			await unpublish(database.db, context, moderator.actor, 'trail', trailSlug, { comment: 'Retirée.' });
			expect(await publicOf()).toEqual([false, false, false]);
		});
	});
}
