import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { auditEvent, project, trail } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { getGroupPage } from '../../src/lib/server/groups/group-page';
import {
	getProjectReview,
	getTrailReview,
	listModerationQueue
} from '../../src/lib/server/trails/moderation-queue';
import {
	publishProject,
	publishTrail,
	requestChanges,
	unpublish
} from '../../src/lib/server/trails/moderation';
import {
	allPublishedTrails,
	exportTrailOf,
	getPublishedTrail,
	listPublishedTrails
} from '../../src/lib/server/trails/public-trails';
import { getProjectPage } from '../../src/lib/server/trails/project-page';
import { updateProject } from '../../src/lib/server/trails/projects';
import { addStop, moveStop, updateStop } from '../../src/lib/server/trails/stops';
import { submitProject, submitTrail } from '../../src/lib/server/trails/submit';
import { createTrail, getTrailForEdit, updateTrail } from '../../src/lib/server/trails/trails';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';
import { refusal } from './refusal';
import {
	RECOUVRANCE_PATH,
	groupWithMembers,
	mailsDuring,
	stopInput,
	trailWithStops,
	trailsContext,
	trailsRowCounts,
	type GroupCast,
	withProjectVersion
} from './trails';

type Person = Awaited<ReturnType<typeof createPerson>>;

for (const backend of backends()) {
	describe(`moderating trails on ${backend.name}`, () => {
		let database: TestDatabase;
		let moderator: Person;
		const context = trailsContext();
		beforeAll(async () => {
			database = await backend.fresh();
			moderator = await createPerson(database.db, { roles: ['moderator'] });
		});
		afterAll(() => database.close());

		const trailRow = async (slug: string) => {
			const [row] = await database.db.select().from(trail).where(eq(trail.slug, slug));
			if (!row) throw new Error(`no trail ${slug}`);
			return row;
		};
		const projectRow = async (slug: string) =>
			(await database.db.select().from(project).where(eq(project.slug, slug)))[0];
		/** The addresses of the public trails, from the list and from the complete read, sorted. */
		const publicSlugs = async () => ({
			listed: (await listPublishedTrails(database.db)).map((item) => item.slug).sort(),
			all: (await allPublishedTrails(database.db)).map((item) => item.slug)
		});
		const auditsOf = async (subjectId: string) =>
			(
				await database.db
					.select({ action: auditEvent.action, actorId: auditEvent.actorId, after: auditEvent.after })
					.from(auditEvent)
					.where(eq(auditEvent.subjectId, subjectId))
			).map((event) => event.action);
		const editorsOf = (cast: GroupCast) => [cast.owner.email, cast.editor.email].sort();

		/** A trail of a new group, submitted, with the version the moderator reads. */
		async function submitted(title: string) {
			const cast = await groupWithMembers(database.db);
			const made = await trailWithStops(database.db, cast, { title });
			await submitTrail(database.db, cast.editor.actor, made.trailSlug);
			return { cast, ...made, version: (await trailRow(made.trailSlug)).version };
		}

		/** The same, published. */
		async function published(title: string) {
			const made = await submitted(title);
			await publishTrail(
				database.db,
				context,
				moderator.actor,
				made.trailSlug,
				await withProjectVersion(database.db, made.trailSlug, { version: made.version })
			);
			return made;
		}

		it('publishes a trail with its never-published project only as the moderator read that project', async () => {
			const sentBack = await submitted('Projet renvoyé');
			const projectVersion = (await projectRow(sentBack.projectSlug))?.version;
			await requestChanges(database.db, context, moderator.actor, 'project', sentBack.projectSlug, {
				comment: 'La description manque.'
			});
			const refusedProject = await refusal(
				publishTrail(database.db, context, moderator.actor, sentBack.trailSlug, {
					version: sentBack.version,
					projectVersion
				})
			);
			expect(refusedProject).toMatchObject({ code: 'project_not_submitted' });

			const edited = await submitted('Projet modifié');
			const read = (await projectRow(edited.projectSlug))?.version;
			await updateProject(database.db, edited.cast.editor.actor, edited.projectSlug, {
				title: 'Projet modifié après lecture'
			});
			for (const form of [{ version: edited.version }, { version: edited.version, projectVersion: read }]) {
				expect(
					await refusal(publishTrail(database.db, context, moderator.actor, edited.trailSlug, form))
				).toMatchObject({ code: 'version_changed' });
			}
			for (const slug of [sentBack.trailSlug, edited.trailSlug])
				expect((await trailRow(slug))?.published).toBeNull();
			expect((await projectRow(sentBack.projectSlug))?.published).toBeNull();
			expect((await projectRow(edited.projectSlug))?.published).toBeNull();
		});

		it('sends a trail only with a stop, and its never-published project with it', async () => {
			const cast = await groupWithMembers(database.db);
			const { projectSlug, trailSlug } = await trailWithStops(database.db, cast, {
				title: 'Sans arrêt',
				stops: []
			});
			const empty = await refusal(submitTrail(database.db, cast.editor.actor, trailSlug));
			expect(empty).toMatchObject({ code: 'no_stops', status: 409, message: m.trail_needs_a_stop() });
			expect((await trailRow(trailSlug)).status).toBe('draft');
			expect((await projectRow(projectSlug))?.status).toBe('draft');

			await addStop(database.db, cast.editor.actor, trailSlug, stopInput('Le seul arrêt', 48.3836, -4.495));
			await submitTrail(database.db, cast.owner.actor, trailSlug);
			expect(await trailRow(trailSlug)).toMatchObject({ status: 'submitted', reviewComment: null });
			expect((await trailRow(trailSlug)).submittedAt).toBeInstanceOf(Date);
			expect((await projectRow(projectSlug))?.status).toBe('submitted');
			expect(await refusal(submitTrail(database.db, cast.editor.actor, trailSlug))).toMatchObject({
				code: 'not_submittable'
			});
			// Waiting for a moderator is not public yet.
			expect((await publicSlugs()).all).not.toContain(trailSlug);
			expect((await publicSlugs()).listed).not.toContain(trailSlug);
			expect(await refusal(getPublishedTrail(database.db, trailSlug))).toBeInstanceOf(NotFound);
		});

		it('lets only moderators publish, and changes nothing when someone else tries', async () => {
			const { cast, trailSlug, version } = await submitted('Réservé aux modérateurs');
			const desk = await createPerson(database.db, { roles: ['desk'] });
			const reviewer = await createPerson(database.db, { roles: ['reviewer'] });
			const before = await trailsRowCounts(database.db);
			const trailBefore = await trailRow(trailSlug);
			const visitors = [cast.outsider, cast.owner, cast.editor, desk, reviewer];
			for (const actor of [...visitors.map((person) => person.actor), null]) {
				const expected = actor ? Forbidden : NotSignedIn;
				const attempts = [
					async () =>
						publishTrail(
							database.db,
							context,
							actor,
							trailSlug,
							await withProjectVersion(database.db, trailSlug, { version })
						),
					() => requestChanges(database.db, context, actor, 'trail', trailSlug, { version, comment: 'Non' }),
					() => unpublish(database.db, context, actor, 'trail', trailSlug, { comment: 'Non' })
				];
				for (const attempt of attempts) expect(await refusal(attempt())).toBeInstanceOf(expected);
			}
			expect(await trailsRowCounts(database.db)).toEqual(before);
			expect(await trailRow(trailSlug)).toEqual(trailBefore);
			// Admins moderate too.
			const admin = await createPerson(database.db, { roles: ['admin'] });
			await publishTrail(
				database.db,
				context,
				admin.actor,
				trailSlug,
				await withProjectVersion(database.db, trailSlug, { version })
			);
			expect((await trailRow(trailSlug)).status).toBe('published');
		});

		it('publishes the version the moderator read, never one changed since', async () => {
			const { cast, projectSlug, trailSlug, stops, version } = await submitted('Version lue');
			// The group edits while the moderator reads: the trail stays submitted, its version moves.
			await updateStop(
				database.db,
				cast.editor.actor,
				trailSlug,
				stops[1] ?? '',
				stopInput('Tour Tanguy, la nuit', 48.3826, -4.4941)
			);
			const now = await trailRow(trailSlug);
			expect(now).toMatchObject({ status: 'submitted', version: version + 1 });
			const stale = await refusal(
				publishTrail(
					database.db,
					context,
					moderator.actor,
					trailSlug,
					await withProjectVersion(database.db, trailSlug, { version })
				)
			);
			expect(stale).toMatchObject({ code: 'version_changed', status: 409 });
			for (const bad of [{}, { version: 'v3' }, { version: '0' }]) {
				expect(
					await refusal(
						publishTrail(
							database.db,
							context,
							moderator.actor,
							trailSlug,
							await withProjectVersion(database.db, trailSlug, bad)
						)
					)
				).toBeInstanceOf(InvalidInput);
			}
			expect(await trailRow(trailSlug)).toEqual(now);
			const earlier = await publicSlugs();
			expect(earlier.listed).not.toContain(trailSlug);

			const mails = await mailsDuring(database.db, async () =>
				publishTrail(
					database.db,
					context,
					moderator.actor,
					trailSlug,
					await withProjectVersion(database.db, trailSlug, { version: String(now.version) })
				)
			);
			expect(mails.map((mail) => mail.recipient).sort()).toEqual(editorsOf(cast));
			expect(mails.map((mail) => mail.kind)).toEqual(['moderation_published', 'moderation_published']);

			// What the public sees is the working copy as it was read.
			const edited = await getTrailForEdit(database.db, cast.editor.actor, trailSlug);
			const shown = await getPublishedTrail(database.db, trailSlug);
			expect(shown.trail).toEqual({
				title: edited.trail.title,
				summary: edited.trail.summary,
				accessibility: edited.trail.accessibility,
				path: edited.trail.path,
				stops: edited.stops.map((stop) => ({
					id: stop.id,
					title: stop.title,
					text: stop.text,
					position: [stop.longitude, stop.latitude],
					radiusMetres: stop.radiusMetres,
					media: []
				})),
				lengthMetres: edited.lengthMetres,
				walkingMinutes: edited.walkingMinutes
			});
			expect(shown.trail.stops.map((stop) => stop.title)).toEqual([
				'Rue Saint-Malo',
				'Tour Tanguy, la nuit',
				'Pont de Recouvrance'
			]);
			expect(shown.project).toMatchObject({
				slug: projectSlug,
				title: 'Projet Version lue',
				themes: ['sound', 'maritime'],
				licence: 'cc-by-sa-4.0'
			});
			expect(await trailRow(trailSlug)).toMatchObject({ status: 'published', version: now.version });
			// The project went public with its first trail.
			expect(await projectRow(projectSlug)).toMatchObject({ status: 'published' });
			expect(await publicSlugs()).toEqual({
				listed: [...earlier.listed, trailSlug].sort(),
				all: [...earlier.all, trailSlug].sort()
			});
			const listed = (await listPublishedTrails(database.db)).find((item) => item.slug === trailSlug);
			expect(listed).toMatchObject({
				slug: trailSlug,
				title: 'Version lue',
				lengthMetres: edited.lengthMetres,
				walkingMinutes: edited.walkingMinutes,
				themes: ['sound', 'maritime'],
				project: { slug: projectSlug, title: 'Projet Version lue' },
				group: { slug: cast.slug }
			});
			expect(listed?.stopCount).toBe(shown.trail.stops.length);
			expect(
				(await listPublishedTrails(database.db, { theme: 'maritime' })).map((item) => item.slug)
			).toContain(trailSlug);
			expect(await listPublishedTrails(database.db, { theme: 'nature' })).toEqual([]);
			const exported = exportTrailOf('http://portal.test', shown);
			expect(exported.stops.map((stop) => stop.url)).toEqual(
				edited.stops.map((stop) => `http://portal.test/trails/${trailSlug}/stops/${stop.id}`)
			);
			expect(exported.licence).toEqual({
				id: 'cc-by-sa-4.0',
				name: 'CC BY-SA 4.0',
				url: 'https://creativecommons.org/licenses/by-sa/4.0/'
			});
			const [event] = await database.db
				.select()
				.from(auditEvent)
				.where(and(eq(auditEvent.subjectId, now.id), eq(auditEvent.action, 'trail.published')));
			expect(event).toMatchObject({
				actorId: moderator.id,
				subjectType: 'trail',
				before: { status: 'submitted', version: now.version }
			});
			// Published is not submitted: nothing to publish again.
			expect(
				await refusal(
					publishTrail(
						database.db,
						context,
						moderator.actor,
						trailSlug,
						await withProjectVersion(database.db, trailSlug, { version: now.version })
					)
				)
			).toMatchObject({ code: 'not_submitted' });
		});

		it('keeps showing the approved version while edits wait, until they are approved in turn', async () => {
			const { cast, trailSlug, stops } = await published('Le port ancien');
			await updateTrail(database.db, cast.editor.actor, trailSlug, {
				title: 'Le port nouveau',
				summary: 'Revu et corrigé.',
				path: RECOUVRANCE_PATH
			});
			await updateStop(
				database.db,
				cast.editor.actor,
				trailSlug,
				stops[0] ?? '',
				stopInput('Rue Saint-Malo, refaite', 48.3836, -4.495)
			);
			const edited = await trailRow(trailSlug);
			expect(edited.status).toBe('draft');
			expect(edited.title).toBe('Le port nouveau');
			const shown = await getPublishedTrail(database.db, trailSlug);
			expect(shown.trail.title).toBe('Le port ancien');
			expect(shown.trail.summary).toBe('Une heure à pied.');
			expect(shown.trail.stops[0]?.title).toBe('Rue Saint-Malo');
			expect((await listPublishedTrails(database.db)).find((item) => item.slug === trailSlug)?.title).toBe(
				'Le port ancien'
			);
			expect(
				(await allPublishedTrails(database.db)).find((item) => item.slug === trailSlug)?.trail.title
			).toBe('Le port ancien');
			// Outsiders see the approved title on the group's page; members see their working one.
			const outside = await getGroupPage(database.db, cast.outsider.actor, cast.slug);
			expect(outside.trails.map((item) => [item.title, item.status])).toEqual([['Le port ancien', null]]);
			const inside = await getGroupPage(database.db, cast.member.actor, cast.slug);
			expect(inside.trails.map((item) => [item.title, item.status])).toEqual([['Le port nouveau', 'draft']]);

			await submitTrail(database.db, cast.editor.actor, trailSlug);
			expect((await getPublishedTrail(database.db, trailSlug)).trail.title).toBe('Le port ancien');
			await publishTrail(
				database.db,
				context,
				moderator.actor,
				trailSlug,
				await withProjectVersion(database.db, trailSlug, { version: edited.version })
			);
			const approved = await getPublishedTrail(database.db, trailSlug);
			expect(approved.trail.title).toBe('Le port nouveau');
			expect(approved.trail.stops[0]?.title).toBe('Rue Saint-Malo, refaite');
			expect((await trailRow(trailSlug)).status).toBe('published');
		});

		it('shows moderators, and only them, what changed since publication and the version to publish', async () => {
			const { cast, projectSlug, trailSlug, stops } = await published('Relu');
			await updateTrail(database.db, cast.editor.actor, trailSlug, {
				title: 'Relu et corrigé',
				summary: 'Une heure à pied.',
				accessibility: 'Pavés, une montée.',
				path: RECOUVRANCE_PATH
			});
			await moveStop(database.db, cast.editor.actor, trailSlug, { stop: stops[2], to: '1' });
			await submitTrail(database.db, cast.editor.actor, trailSlug);
			const { version } = await trailRow(trailSlug);
			const review = await getTrailReview(database.db, moderator.actor, trailSlug);
			expect(review).toMatchObject({ status: 'submitted', version, isPublic: true });
			expect(review.changes).toEqual([
				{ field: 'title', before: 'Relu', after: 'Relu et corrigé' },
				{ stop: 'Pont de Recouvrance', change: 'moved', detail: '3 → 1' },
				{ stop: 'Rue Saint-Malo', change: 'moved', detail: '1 → 2' },
				{ stop: 'Tour Tanguy', change: 'moved', detail: '2 → 3' }
			]);
			const queue = await listModerationQueue(database.db, moderator.actor);
			expect(queue.waiting.trails.map((item) => item.slug)).toContain(trailSlug);
			expect(queue.published.trails.map((item) => item.slug)).toContain(trailSlug);
			expect((await getProjectReview(database.db, moderator.actor, projectSlug)).changes).toEqual([]);
			const desk = await createPerson(database.db, { roles: ['desk'] });
			for (const actor of [cast.owner.actor, desk.actor, null]) {
				const expected = actor ? Forbidden : NotSignedIn;
				expect(await refusal(getTrailReview(database.db, actor, trailSlug))).toBeInstanceOf(expected);
				expect(await refusal(getProjectReview(database.db, actor, projectSlug))).toBeInstanceOf(expected);
				expect(await refusal(listModerationQueue(database.db, actor))).toBeInstanceOf(expected);
			}
			// Addresses come from the URL, where %00 is a NUL: not found, like any other.
			for (const address of ['nowhere', '\u0000', `${trailSlug}\u0000`]) {
				expect(await refusal(getTrailReview(database.db, moderator.actor, address))).toBeInstanceOf(NotFound);
				expect(await refusal(getProjectReview(database.db, moderator.actor, address))).toBeInstanceOf(
					NotFound
				);
				expect(await refusal(getProjectPage(database.db, null, address, false))).toBeInstanceOf(NotFound);
			}
		});

		it('asks for changes with a comment mailed to the owner and editors; the public keeps its version', async () => {
			const { cast, trailSlug } = await published('Quai Tabarly');
			await updateTrail(database.db, cast.editor.actor, trailSlug, { title: 'Quai Éric Tabarly' });
			await submitTrail(database.db, cast.editor.actor, trailSlug);
			const { version, id } = await trailRow(trailSlug);
			const before = await trailsRowCounts(database.db);
			for (const comment of [undefined, '', '   ', 'x'.repeat(4001), 'Le son\u0000sature']) {
				const problem = await refusal(
					requestChanges(database.db, context, moderator.actor, 'trail', trailSlug, { version, comment })
				);
				expect((problem as InvalidInput).issues.map((issue) => issue.path)).toEqual(['comment']);
			}
			expect(await trailsRowCounts(database.db)).toEqual(before);

			const comment = 'Le son de l’arrêt 2 sature : pouvez-vous le refaire ?';
			const mails = await mailsDuring(database.db, () =>
				requestChanges(database.db, context, moderator.actor, 'trail', trailSlug, {
					version,
					comment: `  ${comment} `
				})
			);
			expect(mails.map((mail) => mail.recipient).sort()).toEqual(editorsOf(cast));
			expect(mails.map((mail) => mail.kind)).toEqual([
				'moderation_changes_requested',
				'moderation_changes_requested'
			]);
			for (const mail of mails) {
				expect(mail.text).toContain(comment);
				expect(mail.text).toContain(`http://portal.test/trails/${trailSlug}`);
			}
			expect(mails.find((mail) => mail.recipient === cast.member.email)).toBeUndefined();
			expect(await trailRow(trailSlug)).toMatchObject({
				status: 'changes_requested',
				reviewComment: comment
			});
			expect((await getPublishedTrail(database.db, trailSlug)).trail.title).toBe('Quai Tabarly');
			expect(await auditsOf(id)).toEqual(['trail.published', 'trail.changes_requested']);
			const [event] = await database.db
				.select()
				.from(auditEvent)
				.where(and(eq(auditEvent.subjectId, id), eq(auditEvent.action, 'trail.changes_requested')));
			expect(event).toMatchObject({ actorId: moderator.id, after: { comment } });

			// Sent back, it can be submitted again: the comment is then cleared.
			expect(
				await refusal(requestChanges(database.db, context, moderator.actor, 'trail', trailSlug, { comment }))
			).toMatchObject({ code: 'not_submitted' });
			await submitTrail(database.db, cast.editor.actor, trailSlug);
			expect(await trailRow(trailSlug)).toMatchObject({ status: 'submitted', reviewComment: null });
		});

		it('unpublishes with a reason: the trail leaves every public read', async () => {
			const { cast, trailSlug } = await published('Éphémère');
			const other = await published('Durable');
			const { id } = await trailRow(trailSlug);
			expect((await publicSlugs()).listed).toContain(trailSlug);
			expect(
				await refusal(unpublish(database.db, context, moderator.actor, 'trail', trailSlug, { comment: ' ' }))
			).toBeInstanceOf(InvalidInput);
			const mails = await mailsDuring(database.db, () =>
				unpublish(database.db, context, moderator.actor, 'trail', trailSlug, {
					comment: 'Une adresse privée est citée.'
				})
			);
			expect(mails.map((mail) => [mail.recipient, mail.kind]).sort()).toEqual(
				editorsOf(cast).map((email) => [email, 'moderation_unpublished'])
			);
			const slugs = await publicSlugs();
			expect(slugs.listed).not.toContain(trailSlug);
			expect(slugs.all).not.toContain(trailSlug);
			expect(slugs.listed).toContain(other.trailSlug);
			expect(await refusal(getPublishedTrail(database.db, trailSlug))).toBeInstanceOf(NotFound);
			expect(await trailRow(trailSlug)).toMatchObject({
				status: 'draft',
				published: null,
				publishedAt: null,
				reviewComment: 'Une adresse privée est citée.'
			});
			expect(await auditsOf(id)).toEqual(['trail.published', 'trail.unpublished']);
			expect(
				await refusal(
					unpublish(database.db, context, moderator.actor, 'trail', trailSlug, { comment: 'Encore' })
				)
			).toMatchObject({ code: 'not_published' });
			// The group's page no longer shows it to outsiders.
			expect((await getGroupPage(database.db, null, cast.slug)).trails).toEqual([]);
		});

		it('takes a project’s trails off with it when the project is unpublished', async () => {
			const { cast, projectSlug, trailSlug } = await published('Avec son projet');
			const { id } = (await projectRow(projectSlug)) ?? { id: '' };
			await unpublish(database.db, context, moderator.actor, 'project', projectSlug, {
				comment: 'Les crédits sont faux.'
			});
			expect(await refusal(getPublishedTrail(database.db, trailSlug))).toBeInstanceOf(NotFound);
			expect((await publicSlugs()).all).not.toContain(trailSlug);
			expect(await projectRow(projectSlug)).toMatchObject({ status: 'draft', published: null });
			expect(await trailRow(trailSlug)).toMatchObject({ status: 'draft', published: null });
			expect(await auditsOf(id)).toEqual(['project.unpublished']);

			// Back through moderation: the project first, then its trail.
			await submitProject(database.db, cast.editor.actor, projectSlug);
			const { version } = (await projectRow(projectSlug)) ?? { version: 0 };
			await publishProject(database.db, context, moderator.actor, projectSlug, { version });
			expect(await refusal(getPublishedTrail(database.db, trailSlug))).toBeInstanceOf(NotFound);
			await submitTrail(database.db, cast.editor.actor, trailSlug);
			await publishTrail(
				database.db,
				context,
				moderator.actor,
				trailSlug,
				await withProjectVersion(database.db, trailSlug, {
					version: (await trailRow(trailSlug)).version
				})
			);
			expect((await getPublishedTrail(database.db, trailSlug)).project.title).toBe('Projet Avec son projet');
			expect(await auditsOf(id)).toEqual(['project.unpublished', 'project.published']);
		});

		it('never shows a draft or submitted trail, even of a published project', async () => {
			const { cast, projectSlug, trailSlug } = await published('Premier publié');
			const draft = await createTrail(database.db, cast.editor.actor, projectSlug, { title: 'Brouillon' });
			await addStop(database.db, cast.editor.actor, draft, stopInput('Ici', 48.39, -4.48));
			const pending = await createTrail(database.db, cast.editor.actor, projectSlug, { title: 'En attente' });
			await addStop(database.db, cast.editor.actor, pending, stopInput('Là', 48.39, -4.47));
			await submitTrail(database.db, cast.editor.actor, pending);
			const slugs = await publicSlugs();
			for (const hidden of [draft, pending]) {
				expect(slugs.listed).not.toContain(hidden);
				expect(slugs.all).not.toContain(hidden);
				expect(await refusal(getPublishedTrail(database.db, hidden))).toBeInstanceOf(NotFound);
			}
			expect(slugs.listed).toContain(trailSlug);
			expect(
				(await getGroupPage(database.db, cast.outsider.actor, cast.slug)).trails.map((t) => t.slug)
			).toEqual([trailSlug]);
			for (const address of ['\u0000', `${trailSlug}\u0000`, 'Premier-Publie']) {
				expect(await refusal(getPublishedTrail(database.db, address))).toBeInstanceOf(NotFound);
			}
			expect(await listPublishedTrails(database.db, { theme: '\u0000' })).toEqual([]);
		});

		it('refuses to moderate what is not there or not waiting', async () => {
			const cast = await groupWithMembers(database.db);
			const { trailSlug, projectSlug } = await trailWithStops(database.db, cast, { title: 'Pas soumis' });
			for (const attempt of [
				async () =>
					publishTrail(
						database.db,
						context,
						moderator.actor,
						trailSlug,
						await withProjectVersion(database.db, trailSlug, { version: 5 })
					),
				() => publishProject(database.db, context, moderator.actor, projectSlug, { version: 1 }),
				() =>
					requestChanges(database.db, context, moderator.actor, 'project', projectSlug, { comment: 'Non' })
			]) {
				expect(await refusal(attempt())).toMatchObject({ code: 'not_submitted' });
			}
			expect(
				await refusal(
					unpublish(database.db, context, moderator.actor, 'project', projectSlug, { comment: 'x' })
				)
			).toMatchObject({ code: 'not_published' });
			for (const slug of ['nowhere', 'no\u0000where']) {
				expect(
					await refusal(
						publishTrail(database.db, context, moderator.actor, slug, { version: 1, projectVersion: 1 })
					)
				).toBeInstanceOf(NotFound);
				expect(
					await refusal(unpublish(database.db, context, moderator.actor, 'project', slug, { comment: 'x' }))
				).toBeInstanceOf(NotFound);
			}
		});
	});
}
