import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormField } from '$lib/institutes/form-fields';
import { seedInstitutes } from '../../src/lib/server/db/seed/institutes';
import {
	application,
	applicationForm,
	auditEvent,
	groupMember,
	institute,
	programme,
	rubricCriterion
} from '../../src/lib/server/db/schema';
import {
	DomainError,
	Forbidden,
	InvalidInput,
	NotFound,
	NotSignedIn,
	Refused
} from '../../src/lib/server/errors';
import { createGroup } from '../../src/lib/server/groups/create-group';
import { groupBySlug } from '../../src/lib/server/groups/standing';
import {
	getFormBuilder,
	saveApplicationForm
} from '../../src/lib/server/institutes/programmes/application-forms';
import {
	getInstituteForEdit,
	updateInstitute
} from '../../src/lib/server/institutes/programmes/manage-institutes';
import {
	createProgramme,
	getProgrammeForEdit,
	listProgrammesForAdmin,
	setProgrammePublished,
	updateProgramme
} from '../../src/lib/server/institutes/programmes/manage-programmes';
import {
	getInstitutePage,
	getProgrammePage,
	listInstitutes
} from '../../src/lib/server/institutes/programmes/public-programmes';
import { getRubric, saveRubric } from '../../src/lib/server/institutes/programmes/rubric';
import { backends, type TestDatabase } from './database';
import { NOW } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

const DAY = 86_400_000;
const CLOCK = { timeZone: 'Europe/Paris' };
const question = (key: string, overrides: Partial<FormField> = {}): FormField => ({
	key,
	kind: 'short_text',
	label: { fr: `Question ${key}`, en: `Question ${key}` },
	help: { fr: '', en: '' },
	required: false,
	publishable: false,
	options: [],
	...overrides
});
const terms = (overrides: Record<string, string> = {}) => ({
	institute: 'benefit-sharing',
	kind: 'prize',
	titleFr: 'Prix de test',
	summaryFr: 'Un prix pour tester.',
	eligibilityFr: 'Tout le monde.',
	opensAt: '2026-11-01T09:00',
	closesAt: '2027-01-31T18:00',
	budget: '5 000',
	maxAmount: '1000,50',
	decisionDays: '30',
	...overrides
});

for (const backend of backends()) {
	describe(`institutes and programmes on ${backend.name}`, () => {
		let database: TestDatabase;
		let admin: Awaited<ReturnType<typeof createPerson>>;
		let reviewer: Awaited<ReturnType<typeof createPerson>>;
		let resident: Awaited<ReturnType<typeof createPerson>>;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedInstitutes(database.db, NOW);
			admin = await createPerson(database.db, { roles: ['admin'] });
			reviewer = await createPerson(database.db, { roles: ['reviewer', 'desk', 'moderator'] });
			resident = await createPerson(database.db);
		});
		afterAll(() => database.close());

		/** A published programme of the given dates, with a one-question form. */
		async function publishedProgramme(slug: string, opensAt: string, closesAt = '') {
			await createProgramme(database.db, admin.actor, terms({ slug, opensAt, closesAt }), CLOCK);
			await saveApplicationForm(database.db, admin.actor, slug, [question('description')]);
			await setProgrammePublished(database.db, admin.actor, slug, true);
		}

		it('seeds the three institutes and the seven open programmes, each with a form and a rubric', async () => {
			const institutes = await listInstitutes(database.db, NOW);
			expect(institutes.map((item) => item.slug)).toEqual(['commons', 'open-business', 'benefit-sharing']);
			const open = institutes.flatMap((item) => item.programmes.open.map((found) => found.slug)).sort();
			expect(open).toEqual([
				'benefit-sharing-pledges',
				'commons-prize-2027',
				'infrastructure-of-cooperation-2027',
				'legal-help',
				'open-business-incubation-2027',
				'oral-histories-recouvrance',
				'patronage'
			]);
			const prize = await getProgrammePage(database.db, null, 'commons-prize-2027', NOW);
			expect(prize.programme).toMatchObject({ kind: 'prize', budgetCents: 500_000, maxAmountCents: 100_000 });
			expect(prize.questions.length).toBeGreaterThan(1);
			expect(prize.criteria.length).toBeGreaterThanOrEqual(2);
			await seedInstitutes(database.db, NOW);
			const [forms] = await database.db.select({ n: sql<number>`count(*)::int` }).from(applicationForm);
			expect(forms?.n).toBe(7);
		});

		it('converts city times and euros, and refuses a maximum above the budget', async () => {
			await createProgramme(database.db, admin.actor, terms({ slug: 'conversions' }), CLOCK);
			const [row] = await database.db.select().from(programme).where(eq(programme.slug, 'conversions'));
			expect(row?.opensAt.toISOString()).toBe('2026-11-01T08:00:00.000Z');
			expect(row?.closesAt?.toISOString()).toBe('2027-01-31T17:00:00.000Z');
			expect(row).toMatchObject({ budgetCents: 500_000, maxAmountCents: 100_050, decisionDays: 30 });
			expect(row?.publishedAt).toBeNull();
			const edit = await getProgrammeForEdit(database.db, admin.actor, 'conversions', CLOCK);
			expect(edit.fields).toMatchObject({
				opensAt: '2026-11-01T09:00',
				budget: '5000',
				maxAmount: '1000.50'
			});

			const tooMuch = await refusal(
				updateProgramme(
					database.db,
					admin.actor,
					'conversions',
					terms({ budget: '500', maxAmount: '1000' }),
					CLOCK
				)
			);
			expect(tooMuch).toBeInstanceOf(InvalidInput);
			expect((tooMuch as InvalidInput).issues.map((issue) => issue.path)).toEqual(['maxAmount']);
			const backwards = await refusal(
				createProgramme(
					database.db,
					admin.actor,
					terms({ slug: 'backwards', closesAt: '2026-10-01T09:00' }),
					CLOCK
				)
			);
			expect((backwards as InvalidInput).issues.map((issue) => issue.path)).toEqual(['closesAt']);
			const taken = await refusal(
				createProgramme(database.db, admin.actor, terms({ slug: 'conversions' }), CLOCK)
			);
			expect((taken as InvalidInput).issues.map((issue) => issue.path)).toEqual(['slug']);
			const [unchanged] = await database.db.select().from(programme).where(eq(programme.slug, 'conversions'));
			expect(unchanged?.maxAmountCents).toBe(100_050);
		});

		it('hides unpublished programmes from the public, and publishes only a programme with a form', async () => {
			await createProgramme(database.db, admin.actor, terms({ slug: 'hidden-call' }), CLOCK);
			const listed = (await listInstitutes(database.db, NOW)).flatMap((item) => [
				...item.programmes.open,
				...item.programmes.upcoming,
				...item.programmes.past
			]);
			expect(listed.map((item) => item.slug)).not.toContain('hidden-call');
			const page = await getInstitutePage(database.db, 'benefit-sharing', NOW);
			expect(page.programmes.open.map((item) => item.slug)).not.toContain('hidden-call');
			for (const actor of [null, resident.actor, reviewer.actor])
				expect(await refusal(getProgrammePage(database.db, actor, 'hidden-call', NOW))).toBeInstanceOf(
					NotFound
				);
			expect((await getProgrammePage(database.db, admin.actor, 'hidden-call', NOW)).programme.published).toBe(
				false
			);

			const noForm = await refusal(setProgrammePublished(database.db, admin.actor, 'hidden-call', true));
			expect(noForm).toBeInstanceOf(Refused);
			await saveApplicationForm(database.db, admin.actor, 'hidden-call', [question('why')]);
			await setProgrammePublished(database.db, admin.actor, 'hidden-call', true);
			expect((await getProgrammePage(database.db, null, 'hidden-call', NOW)).programme.published).toBe(true);
			await setProgrammePublished(database.db, admin.actor, 'hidden-call', false);
			expect(await refusal(getProgrammePage(database.db, null, 'hidden-call', NOW))).toBeInstanceOf(NotFound);
			expect(await refusal(getProgrammePage(database.db, null, 'no%00such', NOW))).toBeInstanceOf(NotFound);
		});

		it('sorts programmes into open, upcoming and past on the given clock', async () => {
			await publishedProgramme('clock-open', '2026-11-01T09:00', '2026-11-21T12:30');
			await publishedProgramme('clock-upcoming', '2026-11-21T12:30');
			await publishedProgramme('clock-past', '2026-10-01T09:00', '2026-11-21T11:30');
			const phases = (await getInstitutePage(database.db, 'benefit-sharing', NOW)).programmes;
			const slugsOf = (items: { slug: string }[]) =>
				items.map((item) => item.slug).filter((s) => s.startsWith('clock-'));
			expect(slugsOf(phases.open)).toEqual(['clock-open']);
			expect(slugsOf(phases.upcoming)).toEqual(['clock-upcoming']);
			expect(slugsOf(phases.past)).toEqual(['clock-past']);
			const later = (await getInstitutePage(database.db, 'benefit-sharing', new Date(NOW.getTime() + DAY)))
				.programmes;
			expect(slugsOf(later.open)).toEqual(['clock-upcoming']);
			expect(slugsOf(later.past).sort()).toEqual(['clock-open', 'clock-past']);
			expect((await getProgrammePage(database.db, null, 'clock-past', NOW)).phase).toBe('past');
		});

		it('lets only admins manage institutes and programmes', async () => {
			const attempts = (actor: typeof admin.actor | null) => [
				listProgrammesForAdmin(database.db, actor),
				getProgrammeForEdit(database.db, actor, 'commons-prize-2027', CLOCK),
				createProgramme(database.db, actor, terms({ slug: 'intruder' }), CLOCK),
				updateProgramme(database.db, actor, 'commons-prize-2027', terms(), CLOCK),
				setProgrammePublished(database.db, actor, 'commons-prize-2027', false),
				getFormBuilder(database.db, actor, 'commons-prize-2027'),
				saveApplicationForm(database.db, actor, 'commons-prize-2027', [question('intrusion')]),
				getRubric(database.db, actor, 'commons-prize-2027'),
				saveRubric(database.db, actor, 'commons-prize-2027', { criteria: [] }),
				getInstituteForEdit(database.db, actor, 'commons'),
				updateInstitute(database.db, actor, 'commons', { nameFr: 'Pris', missionFr: 'Pris' })
			];
			for (const problem of await Promise.all(attempts(null).map(refusal)))
				expect(problem).toBeInstanceOf(NotSignedIn);
			for (const actor of [resident.actor, reviewer.actor])
				for (const problem of await Promise.all(attempts(actor).map(refusal)))
					expect(problem).toBeInstanceOf(Forbidden);
			const prize = await getProgrammePage(database.db, null, 'commons-prize-2027', NOW);
			expect(prize.programme.published).toBe(true);
			expect(prize.criteria.length).toBeGreaterThan(0);
			const [commons] = await database.db.select().from(institute).where(eq(institute.slug, 'commons'));
			expect(commons?.name.fr).not.toBe('Pris');

			await updateInstitute(database.db, admin.actor, 'commons', {
				nameFr: 'Institut des communs',
				nameEn: 'Commons institute',
				missionFr: 'Protéger les communs.',
				missionEn: ''
			});
			const page = await getInstitutePage(database.db, 'commons', NOW);
			expect(page.institute.name).toEqual({ fr: 'Institut des communs', en: 'Commons institute' });
			expect(page.institute.mission).toEqual({ fr: 'Protéger les communs.' });
			const [audit] = await database.db
				.select({ actorId: auditEvent.actorId })
				.from(auditEvent)
				.where(eq(auditEvent.action, 'institute.update'));
			expect(audit?.actorId).toBe(admin.id);
		});

		it('writes a new form version when the questions change and never rewrites the old one', async () => {
			await createProgramme(database.db, admin.actor, terms({ slug: 'versioned' }), CLOCK);
			const first = [question('description', { required: true, publishable: true })];
			expect(await saveApplicationForm(database.db, admin.actor, 'versioned', first)).toEqual({
				version: 1,
				created: true
			});
			expect(await saveApplicationForm(database.db, admin.actor, 'versioned', first)).toEqual({
				version: 1,
				created: false
			});
			const second = [
				...first,
				question('licence', {
					kind: 'choice',
					options: [
						{ value: 'cc-by', label: { fr: 'CC BY', en: 'CC BY' } },
						{ value: 'cc0', label: { fr: 'CC0', en: 'CC0' } }
					]
				})
			];
			expect(await saveApplicationForm(database.db, admin.actor, 'versioned', second)).toEqual({
				version: 2,
				created: true
			});
			const versions = await database.db
				.select({ version: applicationForm.version, fields: applicationForm.fields })
				.from(applicationForm)
				.innerJoin(programme, eq(programme.id, applicationForm.programmeId))
				.where(eq(programme.slug, 'versioned'))
				.orderBy(asc(applicationForm.version));
			expect(versions).toEqual([
				{ version: 1, fields: first },
				{ version: 2, fields: second }
			]);
			const builder = await getFormBuilder(database.db, admin.actor, 'versioned');
			expect(builder.drafts.map((draft) => draft.key)).toEqual(['description', 'licence']);
			expect(builder.drafts[1]?.options).toBe('CC BY | CC BY\nCC0 | CC0');
			expect(builder.history.map((entry) => [entry.version, entry.questions, entry.applications])).toEqual([
				[2, 2, 0],
				[1, 1, 0]
			]);
			await expect(
				database.db.update(applicationForm).set({ version: 9 }).where(eq(applicationForm.version, 1))
			).rejects.toThrow();
		});

		it('refuses forms with twice the same key, a choice without options, or no question', async () => {
			await createProgramme(database.db, admin.actor, terms({ slug: 'strict-form' }), CLOCK);
			const cases: [unknown, string][] = [
				[[question('same'), question('same')], 'form'],
				[[question('pick', { kind: 'choice' })], 'q.0.options'],
				[[question('ok'), question('Bad Key')], 'q.1.key'],
				[[question('nolabel', { label: { fr: '', en: 'Only English' } })], 'q.0.labelFr'],
				[[], 'form']
			];
			for (const [input, path] of cases) {
				const problem = await refusal(saveApplicationForm(database.db, admin.actor, 'strict-form', input));
				expect(problem).toBeInstanceOf(DomainError);
				expect(problem).toBeInstanceOf(InvalidInput);
				expect((problem as InvalidInput).issues.map((issue) => issue.path)).toContain(path);
			}
			const builder = await getFormBuilder(database.db, admin.actor, 'strict-form');
			expect(builder.history).toEqual([]);
		});

		it('keeps rubric criteria in order with their identity, weights 1 to 10', async () => {
			const before = await getRubric(database.db, admin.actor, 'commons-prize-2027');
			const [first, second] = before.criteria;
			if (!first || !second) throw new Error('the prize has a rubric');
			await saveRubric(database.db, admin.actor, 'commons-prize-2027', {
				criteria: [
					{ ...second, weight: '4' },
					{ ...first, labelEn: '' },
					{ labelFr: 'Nouveau critère', labelEn: 'New criterion', weight: '10' }
				]
			});
			const after = await getRubric(database.db, admin.actor, 'commons-prize-2027');
			expect(
				after.criteria.map((item) => [item.id === second.id, item.id === first.id, item.weight])
			).toEqual([
				[true, false, '4'],
				[false, true, first.weight],
				[false, false, '10']
			]);
			const heavy = await refusal(
				saveRubric(database.db, admin.actor, 'commons-prize-2027', {
					criteria: [{ labelFr: 'Trop lourd', weight: '11' }]
				})
			);
			expect((heavy as InvalidInput).issues.map((issue) => issue.path)).toEqual(['criteria.0.weight']);
			const [count] = await database.db
				.select({ n: sql<number>`count(*)::int` })
				.from(rubricCriterion)
				.innerJoin(programme, eq(programme.id, rubricCriterion.programmeId))
				.where(eq(programme.slug, 'commons-prize-2027'));
			expect(count?.n).toBe(3);
		});

		it('shows a visitor their own and their groups’ open applications to continue', async () => {
			const applicant = await createPerson(database.db);
			const [found] = await database.db
				.select({ id: programme.id, formId: applicationForm.id })
				.from(programme)
				.innerJoin(applicationForm, eq(applicationForm.programmeId, programme.id))
				.where(eq(programme.slug, 'patronage'));
			if (!found) throw new Error('patronage is seeded');
			const editorOf = await groupBySlug(
				database.db,
				await createGroup(database.db, resident.actor, { name: 'Collectif du Port', kind: 'collective' })
			);
			const memberOf = await groupBySlug(
				database.db,
				await createGroup(database.db, reviewer.actor, { name: 'Les Voisins du Stang', kind: 'association' })
			);
			await database.db.insert(groupMember).values([
				{ groupId: editorOf.id, userId: applicant.id, role: 'editor' },
				{ groupId: memberOf.id, userId: applicant.id, role: 'member' }
			]);
			const base = { programmeId: found.id, formId: found.formId };
			const [own, ofGroup] = await database.db
				.insert(application)
				.values([
					{ ...base, userId: applicant.id, title: 'Mon dossier' },
					{ ...base, userId: resident.id, groupId: editorOf.id, status: 'submitted', submittedAt: NOW },
					{ ...base, userId: reviewer.id, groupId: memberOf.id, title: 'Pas à moi' },
					{ ...base, userId: resident.id, title: 'Celui de quelqu’un d’autre' }
				])
				.returning({ id: application.id });
			await database.db.insert(application).values({
				...base,
				userId: applicant.id,
				groupId: memberOf.id,
				status: 'withdrawn',
				withdrawnAt: NOW
			});
			const page = await getProgrammePage(database.db, applicant.actor, 'patronage', NOW);
			expect(page.myApplications.map((item) => [item.id, item.groupName])).toEqual([
				[own?.id, null],
				[ofGroup?.id, 'Collectif du Port']
			]);
			expect((await getProgrammePage(database.db, null, 'patronage', NOW)).myApplications).toEqual([]);
		});
	});
}
