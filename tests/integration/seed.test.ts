import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asc, count, eq, sql } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	account,
	application,
	applicationForm,
	ledgerEntry,
	pledge,
	equipmentModel,
	equipmentUnit,
	kit,
	kitItem,
	projectMedia,
	site,
	siteOpeningHours,
	trail,
	trainingModule,
	user,
	userRole
} from '../../src/lib/server/db/schema';
import { isEmpty, seedDemo } from '../../src/lib/server/db/seed';
import { demoModels } from '../../src/lib/server/db/seed/equipment';
import { demoProgrammes } from '../../src/lib/server/db/seed/institutes';
import { formFields } from '../../src/lib/institutes/form-fields';
import {
	getProgrammePage,
	listInstitutes
} from '../../src/lib/server/institutes/programmes/public-programmes';
import { allPublishedTrails } from '../../src/lib/server/trails/public-trails';
import { verifyStoredLedger } from '../../src/lib/server/institutes/ledger/read-ledger';
import { backends, type TestDatabase } from './database';

for (const backend of backends()) {
	describe(`Brest demo on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			expect(await isEmpty(database.db)).toBe(true);
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		it('has the five demo accounts with their roles and the demo password', async () => {
			const { db } = database;
			const people = await db
				.select({
					email: user.email,
					roles: sql<
						string[]
					>`coalesce(array_agg(${userRole.role}::text order by ${userRole.role}) filter (where ${userRole.role} is not null), '{}')`,
					password: sql<string>`max(${account.password})`
				})
				.from(user)
				.leftJoin(userRole, eq(userRole.userId, user.id))
				.innerJoin(account, eq(account.userId, user.id))
				.groupBy(user.id)
				.orderBy(asc(user.email));
			expect(people.map(({ email, roles }) => [email, roles])).toEqual([
				['admin@example.org', ['admin']],
				['camille@example.org', []],
				['desk@example.org', ['desk', 'moderator', 'reviewer']],
				['ewen@example.org', []],
				['yann@example.org', []]
			]);
			const hash = people[0]?.password ?? '';
			expect(await verifyPassword({ hash, password: 'commons-demo-2026' })).toBe(true);
		});

		it('has the sound walk of Recouvrance published and a second trail waiting for moderation', async () => {
			const { db } = database;
			const published = await allPublishedTrails(db);
			expect(published.map((found) => found.slug)).toEqual(['sounds-of-recouvrance']);
			const [walk] = published;
			expect(walk?.project.licence).toBe('cc-by-sa-4.0');
			expect(walk?.group.name).toBe('Recouvrance Sonore');
			expect(walk?.trail.stops.map((stop) => stop.title)).toEqual([
				'Pont de Recouvrance',
				'Tour Tanguy',
				'Rue Saint-Malo',
				'Ateliers des Capucins',
				'Jardin des explorateurs'
			]);
			for (const stop of walk?.trail.stops ?? []) {
				expect(stop.media.map((item) => [item.kind, item.licence, item.mime])).toEqual([
					['audio', 'cc0-1.0', 'audio/mpeg']
				]);
				expect(stop.media[0]?.transcript?.length).toBeGreaterThan(40);
			}
			const waiting = await db
				.select({ slug: trail.slug, status: trail.status, published: trail.published })
				.from(trail)
				.where(eq(trail.status, 'submitted'));
			expect(waiting).toEqual([{ slug: 'lavoirs-de-recouvrance', status: 'submitted', published: null }]);
			const media = await db
				.select({ public: projectMedia.public, n: count() })
				.from(projectMedia)
				.groupBy(projectMedia.public)
				.orderBy(asc(projectMedia.public));
			// The waiting trail's clips stay private until a moderator publishes it.
			expect(media).toEqual([
				{ public: false, n: 3 },
				{ public: true, n: 5 }
			]);
		});

		it('has the three sites with their opening hours', async () => {
			const { db } = database;
			const hours = await db
				.select({ slug: site.slug, days: count(), opens: sql<string>`min(${siteOpeningHours.opensAt})` })
				.from(site)
				.innerJoin(siteOpeningHours, eq(siteOpeningHours.siteId, site.id))
				.groupBy(site.slug)
				.orderBy(asc(site.slug));
			expect(hours).toEqual([
				{ slug: 'bellevue', days: 4, opens: '14:00:00' },
				{ slug: 'capucins', days: 5, opens: '10:00:00' },
				{ slug: 'saint-martin', days: 5, opens: '10:00:00' }
			]);
		});

		it('has every model with its units per site, as in the product table', async () => {
			const rows = await database.db
				.select({ model: equipmentModel.slug, site: site.slug, units: count() })
				.from(equipmentUnit)
				.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
				.innerJoin(site, eq(site.id, equipmentUnit.siteId))
				.groupBy(equipmentModel.slug, site.slug);
			const table = Object.fromEntries(rows.map((row) => [`${row.model}@${row.site}`, row.units]));
			expect(table).toEqual({
				'zoom-h5@capucins': 3,
				'zoom-h5@bellevue': 2,
				'zoom-h5@saint-martin': 1,
				'roland-cs-10em@capucins': 4,
				'rode-ntg4-plus@capucins': 4,
				'ath-m50x@capucins': 4,
				'canon-xa11@capucins': 2,
				'sony-fx30-kit@capucins': 1,
				'manfrotto-tripod@capucins': 4,
				'manfrotto-tripod@bellevue': 2,
				'led-panel-pair@capucins': 2,
				'epson-projector@bellevue': 1,
				'epson-projector@saint-martin': 1,
				'bose-s1-pro@capucins': 1,
				'gazebo-3x3@bellevue': 2
			});
		});

		it('keeps the lending policies: camera buffers, approvals, the required module', async () => {
			const models = await database.db
				.select({
					slug: equipmentModel.slug,
					buffer: equipmentModel.bufferMinutes,
					approval: equipmentModel.approvalRequired,
					module: trainingModule.slug,
					name: equipmentModel.name
				})
				.from(equipmentModel)
				.leftJoin(trainingModule, eq(trainingModule.id, equipmentModel.requiredModuleId));
			const bySlug = new Map(models.map((model) => [model.slug, model]));
			expect(bySlug.get('sony-fx30-kit')).toMatchObject({
				buffer: 120,
				approval: true,
				module: 'camera-basics'
			});
			expect(bySlug.get('canon-xa11')).toMatchObject({ buffer: 120, approval: false, module: null });
			expect(bySlug.get('bose-s1-pro')).toMatchObject({ buffer: 60, approval: true });
			expect(bySlug.get('zoom-h5')?.name).toEqual({ fr: 'Enregistreur Zoom H5', en: 'Zoom H5 recorder' });
			const modules = await database.db.select({ slug: trainingModule.slug }).from(trainingModule);
			expect(modules.map((module) => module.slug).sort()).toEqual([
				'camera-basics',
				'choosing-a-licence',
				'founding-an-association',
				'recording-outdoors'
			]);
		});

		it('gives every model an illustration served from static/, described in French and English', async () => {
			const models = await database.db
				.select({ slug: equipmentModel.slug, photos: equipmentModel.photos })
				.from(equipmentModel)
				.orderBy(asc(equipmentModel.slug));
			expect(models.map((model) => model.slug)).toEqual(demoModels.map((demo) => demo.slug).sort());
			for (const { slug, photos } of models) {
				expect(photos, slug).toHaveLength(1);
				const [photo] = photos;
				expect(photo?.src).toBe(`/equipment/${slug}.svg`);
				const file = fileURLToPath(new URL(`../../static${photo?.src ?? ''}`, import.meta.url));
				expect(existsSync(file), file).toBe(true);
				// Precached by the service worker on install: each drawing stays small.
				expect(statSync(file).size, file).toBeLessThan(4096);
				expect(photo?.alt.fr, slug).toMatch(/^Illustration : .{20,}/);
				expect(photo?.alt.en, slug).toMatch(/^Illustration: .{20,}/);
			}
		});

		it('has the podcast kit: two shotgun mics, a recorder and headphones at the Capucins', async () => {
			const items = await database.db
				.select({ model: equipmentModel.slug, quantity: kitItem.quantity, site: site.slug })
				.from(kitItem)
				.innerJoin(kit, eq(kit.id, kitItem.kitId))
				.innerJoin(site, eq(site.id, kit.siteId))
				.innerJoin(equipmentModel, eq(equipmentModel.id, kitItem.modelId))
				.where(eq(kit.slug, 'podcast-kit'))
				.orderBy(asc(equipmentModel.slug));
			expect(items).toEqual([
				{ model: 'ath-m50x', quantity: 1, site: 'capucins' },
				{ model: 'rode-ntg4-plus', quantity: 2, site: 'capucins' },
				{ model: 'zoom-h5', quantity: 1, site: 'capucins' }
			]);
		});

		it('has the three institutes and their seven programmes, open, with a form and a rubric each', async () => {
			const institutes = await listInstitutes(database.db, new Date());
			expect(institutes.map((found) => [found.slug, Boolean(found.name.en && found.mission.en)])).toEqual([
				['commons', true],
				['open-business', true],
				['benefit-sharing', true]
			]);
			const open = institutes.map((found) => [
				found.slug,
				found.programmes.open.map((item) => `${item.slug}:${item.kind}`).sort(),
				found.programmes.upcoming.length + found.programmes.past.length
			]);
			expect(open).toEqual([
				['commons', ['infrastructure-of-cooperation-2027:support', 'legal-help:support'], 0],
				['open-business', ['open-business-incubation-2027:incubation'], 0],
				[
					'benefit-sharing',
					[
						'benefit-sharing-pledges:pledge',
						'commons-prize-2027:prize',
						'oral-histories-recouvrance:bounty',
						'patronage:patronage'
					],
					0
				]
			]);
			const prize = await getProgrammePage(database.db, null, 'commons-prize-2027', new Date());
			expect(prize.programme).toMatchObject({ budgetCents: 500_000, maxAmountCents: 100_000 });
			const bounty = await getProgrammePage(database.db, null, 'oral-histories-recouvrance', new Date());
			expect(bounty.programme.maxAmountCents).toBe(50_000);
			for (const { slug, title } of demoProgrammes) {
				const page = await getProgrammePage(database.db, null, slug, new Date());
				expect(page.programme.decisionDays).toBeGreaterThan(0);
				expect(formFields.safeParse(page.questions).success).toBe(true);
				expect(page.questions.every((question) => question.label.en.length > 0)).toBe(true);
				expect(page.criteria.length).toBeGreaterThanOrEqual(2);
				expect(page.criteria.length).toBeLessThanOrEqual(4);
				// Each demo programme reads in English too, with the title it was seeded with.
				expect(title.en?.length).toBeGreaterThan(0);
				expect(page.programme.title).toEqual(title);
			}
		});

		it('has one application in each state, the prize in the ledger and a pledge with two contributions', async () => {
			const { db } = database;
			const states = await db
				.select({ status: application.status, awarded: application.awardedCents })
				.from(application)
				.orderBy(asc(application.status));
			expect(states.map((row) => row.status).sort()).toEqual(
				[
					'accepted',
					'changes_requested',
					'draft',
					'in_review',
					'rejected',
					'resubmitted',
					'submitted',
					'withdrawn'
				].sort()
			);
			expect(states.find((row) => row.status === 'accepted')?.awarded).toBe(100_000);
			const entries = await db
				.select({ kind: ledgerEntry.kind, cents: ledgerEntry.amountCents, party: ledgerEntry.party })
				.from(ledgerEntry)
				.orderBy(asc(ledgerEntry.seq));
			expect(entries).toEqual([
				{ kind: 'contribution', cents: 120_000, party: 'Penn ar Bed Logiciels Libres' },
				{ kind: 'contribution', cents: 80_000, party: 'Penn ar Bed Logiciels Libres' },
				{ kind: 'award', cents: 100_000, party: 'Recouvrance Sonore' }
			]);
			expect(await db.select({ n: count() }).from(pledge)).toEqual([{ n: 1 }]);
			expect(await verifyStoredLedger(db)).toMatchObject({ ok: true, entries: 3 });
		});

		it('adds nothing when run again', async () => {
			const { db } = database;
			const before = await db.select({ n: count() }).from(equipmentUnit);
			const formsBefore = await db.select({ n: count() }).from(applicationForm);
			const applicationsBefore = await db.select({ n: count() }).from(application);
			const ledgerBefore = await db.select({ n: count() }).from(ledgerEntry);
			await seedDemo(db);
			expect(await db.select({ n: count() }).from(application)).toEqual(applicationsBefore);
			expect(await db.select({ n: count() }).from(ledgerEntry)).toEqual(ledgerBefore);
			const after = await db.select({ n: count() }).from(equipmentUnit);
			expect(await db.select({ n: count() }).from(applicationForm)).toEqual(formsBefore);
			const people = await db.select({ n: count() }).from(user);
			expect(after).toEqual(before);
			expect(people[0]?.n).toBe(5);
			expect(await isEmpty(db)).toBe(false);
		});
	});
}
