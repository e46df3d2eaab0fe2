import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	booking,
	equipmentCategory,
	equipmentModel,
	project,
	projectLoan,
	site,
	trail
} from '../../src/lib/server/db/schema';
import { application } from '../../src/lib/server/db/schema';
import { NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { setCommonsRecord } from '../../src/lib/server/institutes/applications/attach-record';
import { startApplication } from '../../src/lib/server/institutes/applications/start-application';
import { newBookingCode } from '../../src/lib/server/lending/booking-code';
import type { PublishedMedia, PublishedTrail } from '../../src/lib/server/trails/published';
import { backends, type TestDatabase } from './database';
import { applicationRow, institutesContext, NOW, openProgramme } from './applications-fixtures';
import { refusal } from './refusal';
import { groupWithMembers, trailWithStops, type GroupCast } from './trails';

const clip: PublishedMedia = {
	id: crypto.randomUUID(),
	key: 'projects/x/clip.mp3',
	kind: 'audio',
	mime: 'audio/mpeg',
	bytes: 10,
	durationSeconds: 3,
	title: 'Le pont qui tourne',
	author: 'Camille',
	licence: 'cc-by-sa-4.0',
	language: 'fr',
	transcript: 'Le pont tourne.'
};

for (const backend of backends()) {
	describe(`the commons record on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = institutesContext();
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		/** A group with a published trail (one clip) whose project used a returned loan, and a draft trail. */
		async function groupWithWork(title: string) {
			const db = database.db;
			const cast = await groupWithMembers(db);
			const made = await trailWithStops(db, cast, { title });
			await trailWithStops(db, cast, { title: `${title} (brouillon)`, projectSlug: made.projectSlug });
			const published: PublishedTrail = {
				title,
				summary: '',
				accessibility: '',
				path: [],
				stops: [
					{
						id: crypto.randomUUID(),
						title: 'Pont',
						text: '',
						position: [-4.495, 48.38],
						radiusMetres: 25,
						media: [clip]
					}
				],
				lengthMetres: 100,
				walkingMinutes: 2
			};
			await db
				.update(trail)
				.set({ published, status: 'published', publishedAt: NOW })
				.where(eq(trail.slug, made.trailSlug));
			const [row] = await db
				.update(project)
				.set({
					published: {
						title: `Projet ${title}`,
						summary: '',
						description: '',
						cover: null,
						themes: [],
						credits: '',
						licence: 'cc-by-4.0'
					},
					publishedAt: NOW
				})
				.where(eq(project.slug, made.projectSlug))
				.returning({ id: project.id });
			const [category] = await db
				.insert(equipmentCategory)
				.values({ slug: `sound-${made.trailSlug}`, name: { fr: 'Son' } })
				.returning({ id: equipmentCategory.id });
			const [model] = await db
				.insert(equipmentModel)
				.values({
					slug: `zoom-${made.trailSlug}`,
					categoryId: category?.id ?? '',
					name: { fr: 'Enregistreur', en: 'Recorder' },
					description: { fr: '' },
					inTheBox: { fr: '' }
				})
				.returning({ id: equipmentModel.id });
			const [place] = await db
				.insert(site)
				.values({
					slug: `site-${made.trailSlug}`,
					name: 'Capucins',
					address: 'Brest',
					latitude: 48.38,
					longitude: -4.49
				})
				.returning({ id: site.id });
			const [loan] = await db
				.insert(booking)
				.values({
					code: newBookingCode(),
					userId: cast.editor.id,
					modelId: model?.id,
					siteId: place?.id ?? '',
					startsAt: new Date('2026-10-06T09:00:00Z'),
					endsAt: new Date('2026-10-08T16:00:00Z'),
					status: 'returned'
				})
				.returning({ id: booking.id });
			await db.insert(projectLoan).values({ projectId: row?.id ?? '', bookingId: loan?.id ?? '' });
			return { cast, ...made };
		}

		async function prizeFor(cast: GroupCast) {
			const prize = await openProgramme(database.db, { kind: 'prize' });
			await database.db.insert(application).values({
				programmeId: prize.id,
				formId: (await startFormOf(prize.slug, cast)).formId,
				userId: cast.owner.id,
				groupId: cast.id,
				status: 'accepted',
				submittedAt: NOW,
				decidedAt: NOW,
				decisionLetter: 'Bravo',
				awardedCents: 100_000
			});
			return prize;
		}
		/** A draft by the group, then withdrawn: only its form is needed for the prize row. */
		async function startFormOf(slug: string, cast: GroupCast) {
			const id = await startApplication(database.db, context, cast.owner.actor, {
				programme: slug,
				applicant: cast.id
			});
			const row = await applicationRow(database.db, id);
			await database.db
				.update(application)
				.set({ status: 'withdrawn', withdrawnAt: NOW })
				.where(eq(application.id, id));
			return row;
		}

		it('copies the group’s published trails, their media, its loans and prizes, and nothing of others', async () => {
			const mine = await groupWithWork('Voix du port');
			const other = await groupWithWork('Autre quartier');
			await prizeFor(mine.cast);
			const call = await openProgramme(database.db);
			const asGroup = await startApplication(database.db, context, mine.cast.editor.actor, {
				programme: call.slug,
				applicant: mine.cast.id
			});
			await setCommonsRecord(database.db, context, mine.cast.editor.actor, asGroup, true, 'en');
			const record = (await applicationRow(database.db, asGroup)).commonsRecord;
			expect(record).toEqual({
				takenAt: NOW.toISOString(),
				trails: [{ slug: mine.trailSlug, title: 'Voix du port', publishedAt: NOW.toISOString(), stops: 1 }],
				media: [
					{ title: 'Le pont qui tourne', kind: 'audio', licence: 'cc-by-sa-4.0', trail: mine.trailSlug }
				],
				loans: [
					{
						model: 'Recorder',
						project: 'Projet Voix du port',
						from: '2026-10-06T09:00:00.000Z',
						to: '2026-10-08T16:00:00.000Z'
					}
				],
				prizes: [
					{
						programme: expect.stringMatching(/^Call \d+$/),
						amountCents: 100_000,
						decidedAt: NOW.toISOString()
					}
				]
			});
			// A member applying as themselves brings the work of every group they belong to.
			const own = await startApplication(database.db, context, other.cast.member.actor, {
				programme: call.slug,
				applicant: 'self'
			});
			await setCommonsRecord(database.db, context, other.cast.member.actor, own, true, 'fr');
			expect((await applicationRow(database.db, own)).commonsRecord).toMatchObject({
				trails: [{ slug: other.trailSlug }],
				loans: [{ model: 'Enregistreur' }],
				prizes: []
			});
			await setCommonsRecord(database.db, context, other.cast.member.actor, own, false, 'fr');
			expect((await applicationRow(database.db, own)).commonsRecord).toBeNull();
			expect(
				await refusal(setCommonsRecord(database.db, context, other.cast.outsider.actor, own, true, 'fr'))
			).toBeInstanceOf(NotFound);
			expect(await refusal(setCommonsRecord(database.db, context, null, own, true, 'fr'))).toBeInstanceOf(
				NotSignedIn
			);
			expect((await applicationRow(database.db, own)).commonsRecord).toBeNull();
		});
	});
}
