import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { project, trail, trailStop } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { createProject, getProjectForEdit, updateProject } from '../../src/lib/server/trails/projects';
import { addStop, MAX_STOPS, moveStop, removeStop, updateStop } from '../../src/lib/server/trails/stops';
import { submitTrail } from '../../src/lib/server/trails/submit';
import { createTrail, getTrailForEdit, updateTrail } from '../../src/lib/server/trails/trails';
import { importIntoTrail } from '../../src/lib/server/trails/import-into-trail';
import { readableProjectMedia } from '../../src/lib/server/trails/media-access';
import { backends, type TestDatabase } from './database';
import { refusal } from './refusal';
import {
	groupWithMembers,
	RECOUVRANCE,
	RECOUVRANCE_PATH,
	stopInput,
	trailsRowCounts,
	trailWithStops,
	type GroupCast
} from './trails';

const projectFields = {
	title: 'Mémoires du port',
	summary: 'Les dockers racontent.',
	description: 'Un **projet** de collecte.',
	credits: 'Atelier radio de Bellevue',
	themes: ['memory', 'maritime']
};

for (const backend of backends()) {
	describe(`editing projects, trails and stops on ${backend.name}`, () => {
		let database: TestDatabase;
		let cast: GroupCast;
		beforeAll(async () => {
			database = await backend.fresh();
			cast = await groupWithMembers(database.db, 'Radio Bellevue');
		});
		afterAll(() => database.close());

		const trailRow = async (slug: string) =>
			(await database.db.select().from(trail).where(eq(trail.slug, slug)))[0];
		const stopTitles = async (slug: string) =>
			(await getTrailForEdit(database.db, cast.editor.actor, slug)).stops.map((stop) => [
				stop.position,
				stop.title
			]);

		it('lets an editor start a project, draw a trail and add its stops in order', async () => {
			const projectSlug = await createProject(database.db, cast.editor.actor, cast.slug, projectFields);
			expect(projectSlug).toBe('memoires-du-port');
			const [row] = await database.db.select().from(project).where(eq(project.slug, projectSlug));
			expect(row).toMatchObject({
				groupId: cast.id,
				title: 'Mémoires du port',
				themes: ['memory', 'maritime'],
				licence: 'cc-by-4.0',
				status: 'draft',
				version: 1,
				published: null
			});
			const trailSlug = await createTrail(database.db, cast.editor.actor, projectSlug, {
				title: 'Les quais à pied'
			});
			expect(trailSlug).toBe('les-quais-a-pied');
			await updateTrail(database.db, cast.editor.actor, trailSlug, {
				title: 'Les quais à pied',
				summary: 'Du port de commerce au château.',
				accessibility: 'Plat, accessible en fauteuil.',
				path: RECOUVRANCE_PATH
			});
			for (const stop of RECOUVRANCE) await addStop(database.db, cast.editor.actor, trailSlug, stop);
			const edited = await getTrailForEdit(database.db, cast.editor.actor, trailSlug);
			expect(edited.stops.map((stop) => [stop.position, stop.title, stop.latitude, stop.longitude])).toEqual([
				[1, 'Rue Saint-Malo', 48.3836, -4.495],
				[2, 'Tour Tanguy', 48.3826, -4.4941],
				[3, 'Pont de Recouvrance', 48.3839, -4.4925]
			]);
			expect(edited.stops.map((stop) => stop.radiusMetres)).toEqual([30, 30, 30]);
			// 1 at creation, + the path, + three stops.
			expect(edited.trail).toMatchObject({ status: 'draft', version: 5 });
			expect(edited.lengthMetres).toBe(316);
			expect(edited.walkingMinutes).toBe(5);
			// The owner writes too.
			await updateProject(database.db, cast.owner.actor, projectSlug, {
				...projectFields,
				licence: 'cc0-1.0'
			});
			expect((await getProjectForEdit(database.db, cast.owner.actor, projectSlug)).project).toMatchObject({
				licence: 'cc0-1.0',
				version: 2
			});
		});

		it('refuses a non-member, a plain member and visitors everything a trail’s editors do', async () => {
			const { projectSlug, trailSlug, stops } = await trailWithStops(database.db, cast, {
				title: 'Le plateau des Capucins'
			});
			const other = await groupWithMembers(database.db, 'Autre groupe');
			const before = await trailsRowCounts(database.db);
			const trailBefore = await trailRow(trailSlug);
			const stop = stops[0] ?? '';
			const attempts = {
				createProject: (actor) => createProject(database.db, actor, cast.slug, projectFields),
				updateProject: (actor) => updateProject(database.db, actor, projectSlug, projectFields),
				getProjectForEdit: (actor) => getProjectForEdit(database.db, actor, projectSlug),
				createTrail: (actor) => createTrail(database.db, actor, projectSlug, { title: 'Intrus' }),
				updateTrail: (actor) =>
					updateTrail(database.db, actor, trailSlug, { title: 'Repris', path: RECOUVRANCE_PATH }),
				getTrailForEdit: (actor) => getTrailForEdit(database.db, actor, trailSlug),
				addStop: (actor) => addStop(database.db, actor, trailSlug, stopInput('Intrus', 48.38, -4.49)),
				updateStop: (actor) =>
					updateStop(database.db, actor, trailSlug, stop, stopInput('Intrus', 48.38, -4.49)),
				moveStop: (actor) => moveStop(database.db, actor, trailSlug, { stop, to: '3' }),
				removeStop: (actor) => removeStop(database.db, actor, trailSlug, stop),
				submitTrail: (actor) => submitTrail(database.db, actor, trailSlug)
			} satisfies Record<string, (actor: Actor | null) => Promise<unknown>>;
			const refused = [cast.outsider.actor, cast.member.actor, other.owner.actor, other.editor.actor, null];
			for (const [name, attempt] of Object.entries(attempts)) {
				for (const actor of refused) {
					expect(await refusal(attempt(actor)), name).toBeInstanceOf(actor ? Forbidden : NotSignedIn);
				}
			}
			expect(await trailsRowCounts(database.db)).toEqual(before);
			expect(await trailRow(trailSlug)).toEqual(trailBefore);
			expect(await stopTitles(trailSlug)).toEqual([
				[1, 'Rue Saint-Malo'],
				[2, 'Tour Tanguy'],
				[3, 'Pont de Recouvrance']
			]);

			// The same changes by the group's editor go through, each seen before the next.
			const byEditor = (name: keyof typeof attempts) => attempts[name](cast.editor.actor);
			await byEditor('updateTrail');
			expect((await trailRow(trailSlug))?.title).toBe('Repris');
			await byEditor('updateStop');
			expect(await stopTitles(trailSlug)).toEqual([
				[1, 'Intrus'],
				[2, 'Tour Tanguy'],
				[3, 'Pont de Recouvrance']
			]);
			await byEditor('moveStop');
			expect(await stopTitles(trailSlug)).toEqual([
				[1, 'Tour Tanguy'],
				[2, 'Pont de Recouvrance'],
				[3, 'Intrus']
			]);
			await byEditor('addStop');
			await byEditor('removeStop');
			expect(await stopTitles(trailSlug)).toEqual([
				[1, 'Tour Tanguy'],
				[2, 'Pont de Recouvrance'],
				[3, 'Intrus']
			]);
			expect(await byEditor('createTrail')).toBe('intrus');
		});

		it('imports a file whose names carry control characters as plain stop titles, never a database error', async () => {
			const { trailSlug } = await trailWithStops(database.db, cast, { title: 'Importé', stops: [] });
			const file = JSON.stringify({
				type: 'FeatureCollection',
				features: [
					{
						type: 'Feature',
						geometry: { type: 'Point', coordinates: [-4.495, 48.3836] },
						properties: { name: 'Pont\u0000de\tRecouvrance' }
					}
				]
			});
			expect(
				await importIntoTrail(database.db, cast.editor.actor, trailSlug, new TextEncoder().encode(file))
			).toEqual({
				points: 0,
				stops: 1
			});
			expect(await stopTitles(trailSlug)).toEqual([[1, 'Pont de Recouvrance']]);
			expect(await refusal(readableProjectMedia(database.db, null, 'projects/\u0000.mp3'))).toBeInstanceOf(
				NotFound
			);
		});

		it('reads the path one “latitude, longitude” per line and refuses a line it cannot read', async () => {
			const { trailSlug } = await trailWithStops(database.db, cast, { title: 'Le tracé', stops: [] });
			await updateTrail(database.db, cast.editor.actor, trailSlug, {
				title: 'Le tracé',
				path: '48.3836, -4.4950\r\n\n  48.38401 ; -4.49612 \n48.38401 -4.49612\n48.3852,-4.4978\n'
			});
			expect((await trailRow(trailSlug))?.path).toEqual([
				[-4.495, 48.3836],
				[-4.49612, 48.38401],
				[-4.4978, 48.3852]
			]);
			const before = await trailRow(trailSlug);
			for (const path of [
				'48.3836, -4.4950\nTour Tanguy',
				'48.3836, -4.4950, 12',
				'95.1, -4.4950',
				'48.3836, 181',
				'48,3836 -4,4950'
			]) {
				const problem = await refusal(
					updateTrail(database.db, cast.editor.actor, trailSlug, { title: 'Autre titre', path })
				);
				expect((problem as InvalidInput).issues, path).toEqual([
					{ path: 'path', message: m.trail_path_invalid() }
				]);
			}
			expect(await trailRow(trailSlug)).toEqual(before);
			// An empty path is allowed: the line then goes from stop to stop.
			await updateTrail(database.db, cast.editor.actor, trailSlug, { title: 'Le tracé', path: '' });
			expect((await trailRow(trailSlug))?.path).toEqual([]);
		});

		it('keeps the stops in the order set: moving the third first, removing one closes the gap', async () => {
			const { trailSlug, stops } = await trailWithStops(database.db, cast, {
				title: 'Dans l’ordre',
				stops: [
					stopInput('Un', 48.381, -4.49),
					stopInput('Deux', 48.382, -4.49),
					stopInput('Trois', 48.383, -4.49),
					stopInput('Quatre', 48.384, -4.49)
				]
			});
			const [one, two, three, four] = stops as [string, string, string, string];
			await moveStop(database.db, cast.editor.actor, trailSlug, { stop: three, to: '1' });
			expect(await stopTitles(trailSlug)).toEqual([
				[1, 'Trois'],
				[2, 'Un'],
				[3, 'Deux'],
				[4, 'Quatre']
			]);
			await moveStop(database.db, cast.editor.actor, trailSlug, { stop: three, to: '99' });
			await moveStop(database.db, cast.editor.actor, trailSlug, { stop: four, to: '2' });
			expect(await stopTitles(trailSlug)).toEqual([
				[1, 'Un'],
				[2, 'Quatre'],
				[3, 'Deux'],
				[4, 'Trois']
			]);
			await removeStop(database.db, cast.editor.actor, trailSlug, one);
			await removeStop(database.db, cast.editor.actor, trailSlug, two);
			expect(await stopTitles(trailSlug)).toEqual([
				[1, 'Quatre'],
				[2, 'Trois']
			]);
			await addStop(database.db, cast.editor.actor, trailSlug, stopInput('Cinq', 48.385, -4.49));
			expect((await stopTitles(trailSlug)).map(([position]) => position)).toEqual([1, 2, 3]);

			// A stop of another trail, or no stop at all, is not found here.
			const elsewhere = await trailWithStops(database.db, cast, { title: 'Ailleurs' });
			const before = await stopTitles(trailSlug);
			for (const stop of [elsewhere.stops[0] ?? '', one, '00000000-0000-4000-8000-000000000000']) {
				expect(
					await refusal(moveStop(database.db, cast.editor.actor, trailSlug, { stop, to: '1' }))
				).toBeInstanceOf(NotFound);
				expect(await refusal(removeStop(database.db, cast.editor.actor, trailSlug, stop))).toBeInstanceOf(
					NotFound
				);
				expect(
					await refusal(
						updateStop(database.db, cast.editor.actor, trailSlug, stop, stopInput('X', 48.38, -4.49))
					)
				).toBeInstanceOf(NotFound);
			}
			expect(
				await refusal(removeStop(database.db, cast.editor.actor, trailSlug, 'pas-un-id'))
			).toBeInstanceOf(NotFound);
			for (const to of ['0', '-1', 'premier', '1.5']) {
				expect(
					await refusal(moveStop(database.db, cast.editor.actor, trailSlug, { stop: four, to })),
					to
				).toBeInstanceOf(InvalidInput);
			}
			expect(await stopTitles(trailSlug)).toEqual(before);
			expect(await stopTitles(elsewhere.trailSlug)).toEqual([
				[1, 'Rue Saint-Malo'],
				[2, 'Tour Tanguy'],
				[3, 'Pont de Recouvrance']
			]);
		});

		it('answers a NUL character, in a field or an address, with a clean refusal', async () => {
			const { projectSlug, trailSlug, stops } = await trailWithStops(database.db, cast, {
				title: 'Caractères de contrôle'
			});
			const stop = stops[0] ?? '';
			const before = await trailsRowCounts(database.db);
			const trailBefore = await trailRow(trailSlug);
			const fieldsRefused: [string, () => Promise<unknown>][] = [
				[
					'title',
					() => createProject(database.db, cast.editor.actor, cast.slug, { title: 'Mé\u0000moires' })
				],
				[
					'credits',
					() =>
						updateProject(database.db, cast.editor.actor, projectSlug, {
							...projectFields,
							credits: 'Radio\u0000Bellevue'
						})
				],
				['title', () => createTrail(database.db, cast.editor.actor, projectSlug, { title: 'Quais\u0000' })],
				[
					'title',
					() => updateTrail(database.db, cast.editor.actor, trailSlug, { title: 'Le\u0000port', path: '' })
				],
				[
					'accessibility',
					() =>
						updateTrail(database.db, cast.editor.actor, trailSlug, {
							title: 'Le port',
							accessibility: 'Pavés\u0000'
						})
				],
				[
					'title',
					() =>
						addStop(database.db, cast.editor.actor, trailSlug, stopInput('Tour\u0000Tanguy', 48.38, -4.49))
				],
				[
					'text',
					() =>
						updateStop(
							database.db,
							cast.editor.actor,
							trailSlug,
							stop,
							stopInput('Tour Tanguy', 48.38, -4.49, 'Le musée\u0000')
						)
				]
			];
			for (const [field, attempt] of fieldsRefused) {
				const problem = await refusal(attempt());
				expect(problem, field).toBeInstanceOf(InvalidInput);
				expect((problem as InvalidInput).issues).toEqual([{ path: field, message: m.form_text_invalid() }]);
			}
			// Addresses come from the URL, where %00 is a NUL.
			for (const attempt of [
				() => getTrailForEdit(database.db, cast.editor.actor, 'le-port\u0000'),
				() => getProjectForEdit(database.db, cast.editor.actor, '\u0000'),
				() => createProject(database.db, cast.editor.actor, `${cast.slug}\u0000`, projectFields),
				() => addStop(database.db, cast.editor.actor, `${trailSlug}\u0000`, stopInput('Ici', 48.38, -4.49))
			]) {
				expect(await refusal(attempt())).toBeInstanceOf(NotFound);
			}
			expect(await trailsRowCounts(database.db)).toEqual(before);
			expect(await trailRow(trailSlug)).toEqual(trailBefore);
		});

		it('gives projects and trails created at the same moment with one title addresses of their own', async () => {
			const projects = await Promise.all(
				[1, 2, 3].map(() =>
					createProject(database.db, cast.editor.actor, cast.slug, { title: 'Double clic' })
				)
			);
			expect([...projects].sort()).toEqual(['double-clic', 'double-clic-2', 'double-clic-3']);
			const trails = await Promise.all(
				[1, 2, 3].map(() => createTrail(database.db, cast.editor.actor, 'double-clic', { title: 'Même nom' }))
			);
			expect([...trails].sort()).toEqual(['meme-nom', 'meme-nom-2', 'meme-nom-3']);
		});

		it('refuses bad stop fields and the stop past the limit, and saves nothing of them', async () => {
			const { trailSlug, stops } = await trailWithStops(database.db, cast, { title: 'Limites' });
			const before = await trailsRowCounts(database.db);
			const trailBefore = await trailRow(trailSlug);
			const bad = await refusal(
				addStop(database.db, cast.editor.actor, trailSlug, {
					title: ' ',
					latitude: '91',
					longitude: 'ouest',
					radiusMetres: '1000'
				})
			);
			expect((bad as InvalidInput).issues.map((issue) => issue.path).sort()).toEqual([
				'latitude',
				'longitude',
				'radiusMetres',
				'title'
			]);
			const missing = await refusal(
				updateStop(database.db, cast.editor.actor, trailSlug, stops[1] ?? '', { title: 'Sans lieu' })
			);
			expect((missing as InvalidInput).issues.map((issue) => issue.path).sort()).toEqual([
				'latitude',
				'longitude'
			]);
			expect(await trailsRowCounts(database.db)).toEqual(before);
			expect(await trailRow(trailSlug)).toEqual(trailBefore);

			const trailId = trailBefore?.id ?? '';
			await database.db.insert(trailStop).values(
				Array.from({ length: MAX_STOPS - 3 }, (_, index) => ({
					trailId,
					position: index + 4,
					title: `Arrêt ${index + 4}`,
					latitude: 48.38,
					longitude: -4.49
				}))
			);
			const full = await refusal(
				addStop(database.db, cast.editor.actor, trailSlug, stopInput('De trop', 48.38, -4.49))
			);
			expect(full).toMatchObject({ code: 'too_many_stops', status: 409 });
			expect(await database.db.$count(trailStop, eq(trailStop.trailId, trailId))).toBe(MAX_STOPS);
			expect((await trailRow(trailSlug))?.version).toBe(trailBefore?.version);
		});
	});
}
