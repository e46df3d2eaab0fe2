import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectAccessible, test, type SignedInState } from './fixtures';
import { DESK_DAY } from './desk-clock';
import { addDays } from '../../src/lib/time/zoned';
import { newPerson } from './helpers';
import { demoInstitutes } from '../../src/lib/server/db/seed/institutes';

// Every /admin page and action, tried by everyone: signed out, a resident, a moderator, a reviewer,
// desk staff and an admin. Each must get exactly what its role gives, and nothing else.

const ROLES = ['signed out', 'resident', 'moderator', 'reviewer', 'desk', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Allowed = readonly Role[];

const STAFF: Allowed = ['moderator', 'reviewer', 'desk', 'admin'];
const DESK: Allowed = ['desk', 'admin'];
const ADMIN: Allowed = ['admin'];
// The demo's desk account is also a moderator (PRODUCT.md), so it is let in here too.
const MODERATION: Allowed = ['moderator', 'desk', 'admin'];
// The ledger is the reviewers' and admins' (ledger.record); the demo's desk account is also a reviewer.
const LEDGER: Allowed = ['reviewer', 'desk', 'admin'];

// Applications are the reviewers' and admins' (applications.review); the demo's desk account is also a reviewer.
const REVIEW: Allowed = ['reviewer', 'desk', 'admin'];
// No application has this id: those allowed are told so, the others are refused before the question arises.
const NO_APPLICATION = '/admin/applications/00000000-0000-4000-8000-000000000000';
const SOMEONE = { reviewerId: '00000000-0000-4000-8000-000000000000' };

const ADMIN_ROUTES = 'src/routes/admin';
const WAITING_TRAIL = '/admin/moderation/trails/lavoirs-de-recouvrance';

/** The smallest PNG signature a photo check accepts. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Saint-Martin as the demo has it (Tue–Sat 10:00–18:00): saving it changes nothing. */
const SAINT_MARTIN = {
	name: 'Médiathèque de Saint-Martin',
	address: '42 rue Danton, 29200 Brest',
	latitude: '48.395',
	longitude: '-4.485',
	...Object.fromEntries(
		[2, 3, 4, 5, 6].flatMap((weekday) => [
			[`hours.${weekday}.0.opens`, '10:00'],
			[`hours.${weekday}.0.closes`, '18:00']
		])
	)
};

const PROGRAMME = {
	institute: 'benefit-sharing',
	kind: 'prize',
	titleFr: 'Prix de la matrice',
	summaryFr: 'Un programme créé par le test des permissions.',
	eligibilityFr: 'Personne.',
	opensAt: '2027-01-01T09:00',
	budget: '1000',
	maxAmount: '500'
};
const QUESTION = {
	op: 'save',
	'q.0.key': 'description',
	'q.0.kind': 'long_text',
	'q.0.labelFr': 'Description'
};
// The commons institute's own texts: saving them changes nothing the other journeys read.
const COMMONS = (({ name, mission }) => ({
	nameFr: name.fr,
	nameEn: name.en ?? '',
	missionFr: mission.fr,
	missionEn: mission.en ?? ''
}))(demoInstitutes[0] ?? { name: { fr: '', en: '' }, mission: { fr: '', en: '' } });

const KIT = {
	slug: 'kit-matrice',
	site: 'saint-martin',
	nameFr: 'Kit de la matrice',
	descriptionFr: 'Un kit créé par le test des permissions.',
	'item.0.model': 'epson-projector'
};

const MODEL = {
	nameFr: 'Modèle de la matrice',
	descriptionFr: 'Un modèle créé par le test des permissions.',
	category: 'sound',
	maxLoanDays: '7',
	maxAdvanceDays: '60',
	bufferMinutes: '60'
};

function routeFiles(dir = ADMIN_ROUTES): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? routeFiles(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

const routeOf = (file: string) => `/${relative('src/routes', join(file, '..'))}`;

/** Every page and endpoint under /admin, by route id, as the file tree declares them. */
function adminRoutes(): Set<string> {
	return new Set(
		routeFiles()
			.filter((file) => /\+(page\.svelte|server\.ts)$/.test(file))
			.map(routeOf)
	);
}

/** Every form action under /admin, as `route?/name`. */
function adminActions(): Set<string> {
	return new Set(
		routeFiles()
			.filter((file) => file.endsWith('+page.server.ts'))
			.flatMap((file) => {
				const source = readFileSync(file, 'utf8');
				const block = source.slice(source.indexOf('export const actions'));
				return [...block.matchAll(/^\t(\w+): async/gm)].map(([, name]) => `${routeOf(file)}?/${name}`);
			})
	);
}

async function book(resident: Page, equipment: string, date: string, from: string, to: string) {
	await resident.goto(
		`/equipment/${equipment}?site=capucins&fromDate=${date}&fromTime=${from}&toDate=${date}&toTime=${to}`
	);
	await expectAccessible(resident);
	await resident.getByRole('button', { name: /^(Réserver|Envoyer la demande)$/ }).click();
	await expect(resident).toHaveURL(/\/my\/bookings\/[0-9a-f-]{36}\?new=1$/);
	await expectAccessible(resident);
	return new URL(resident.url()).pathname.split('/').at(-1) ?? '';
}

test('the staff area answers each role exactly as its permissions say', async ({
	playwright,
	baseURL,
	sessionOf,
	openPage
}) => {
	const origin = String(baseURL);
	const contextFor = (state?: SignedInState) =>
		playwright.request.newContext({ baseURL: origin, storageState: state, maxRedirects: 0 });

	// Two people who hold a single role each, made as an admin would make them.
	const admin = await contextFor(await sessionOf('admin@example.org'));
	const singleRole = async (role: 'moderator' | 'reviewer'): Promise<APIRequestContext> => {
		const person = newPerson(role);
		const context = await contextFor();
		const signedUp = await context.post('/signup', {
			form: { name: person.name, email: person.email, password: person.password, returnTo: '/account' },
			headers: { origin, accept: 'text/html' }
		});
		expect(signedUp.status(), `signing up a ${role}`).toBe(303);
		const people = await (await admin.get(`/admin/people?q=${encodeURIComponent(person.email)}`)).text();
		const userId = /name="userId" value="([0-9a-f-]{36})"/.exec(people)?.[1] ?? '';
		const granted = await admin.post('/admin/people?/grant', {
			form: { userId, role },
			headers: { origin, accept: 'text/html' }
		});
		expect(granted.status(), `granting ${role}`).toBe(200);
		return context;
	};
	const as: Record<Role, APIRequestContext> = {
		'signed out': await contextFor(),
		resident: await contextFor(await sessionOf('yann@example.org')),
		moderator: await singleRole('moderator'),
		reviewer: await singleRole('reviewer'),
		desk: await contextFor(await sessionOf('desk@example.org')),
		admin
	};

	// Ewen books here; Camille's bookings belong to the other desk journeys (three at most at once).
	const resident = await openPage({ storageState: await sessionOf('ewen@example.org') });
	const request = await book(resident, 'bose-s1-pro', addDays(DESK_DAY, 1), '10:00', '12:00');
	const loan = await book(resident, 'zoom-h5', DESK_DAY, '13:00', '14:00');
	const later = await book(resident, 'zoom-h5', DESK_DAY, '16:30', '17:30');

	const units = await (await admin.get('/admin/equipment/units?site=bellevue')).text();
	const bellevueUnit = /href="\/admin\/equipment\/units\/([0-9a-f-]{36})"/.exec(units)?.[1] ?? '';
	expect(bellevueUnit).not.toBe('');

	const pages: [route: string, path: string, allowed: Allowed, allowedStatus?: number][] = [
		['/admin', '/admin', STAFF],
		['/admin/desk', '/admin/desk', DESK],
		['/admin/desk', `/admin/desk?code=ZZZZZZ`, DESK],
		['/admin/desk/bookings/[id]', `/admin/desk/bookings/${request}`, DESK],
		// No such photo: desk staff are told so, others are refused before the question arises.
		[
			'/admin/desk/photos/[...key]',
			'/admin/desk/photos/handovers/00000000-0000-4000-8000-000000000000.jpg',
			DESK,
			404
		],
		['/admin/desk/training', '/admin/desk/training', DESK],
		['/admin/equipment', '/admin/equipment', DESK],
		['/admin/equipment/models/new', '/admin/equipment/models/new', DESK],
		['/admin/equipment/models/[slug]', '/admin/equipment/models/zoom-h5', DESK],
		['/admin/equipment/sites', '/admin/equipment/sites', DESK],
		['/admin/equipment/categories', '/admin/equipment/categories', DESK],
		['/admin/equipment/kits', '/admin/equipment/kits', DESK],
		['/admin/equipment/kits/new', '/admin/equipment/kits/new', DESK],
		['/admin/equipment/kits/[slug]', '/admin/equipment/kits/podcast-kit', DESK],
		['/admin/equipment/sites/[slug]', '/admin/equipment/sites/saint-martin', DESK],
		['/admin/equipment/units', '/admin/equipment/units', DESK],
		['/admin/equipment/units/[id]', `/admin/equipment/units/${bellevueUnit}`, DESK],
		['/admin/equipment/labels/sheet', '/admin/equipment/labels/sheet', DESK, 400],
		['/admin/reports', '/admin/reports', DESK],
		['/admin/reports/csv', '/admin/reports/csv', DESK],
		['/admin/audit', '/admin/audit', ADMIN],
		['/admin/people', '/admin/people', ADMIN],
		['/admin/outbox', '/admin/outbox', ADMIN],
		['/admin/moderation', '/admin/moderation', MODERATION],
		['/admin/applications', '/admin/applications?status=submitted&mine=1', REVIEW],
		['/admin/applications/[id]', NO_APPLICATION, REVIEW, 404],
		['/admin/pledges', '/admin/pledges', LEDGER],
		['/admin/ledger', '/admin/ledger', LEDGER],
		['/admin/programmes', '/admin/programmes', ADMIN],
		['/admin/programmes/new', '/admin/programmes/new', ADMIN],
		['/admin/programmes/[slug]', '/admin/programmes/commons-prize-2027', ADMIN],
		['/admin/programmes/[slug]/form', '/admin/programmes/commons-prize-2027/form', ADMIN],
		['/admin/programmes/[slug]/rubric', '/admin/programmes/commons-prize-2027/rubric', ADMIN],
		['/admin/institutes/[slug]', '/admin/institutes/commons', ADMIN],
		[
			'/admin/moderation/[kind=moderated]/[slug]',
			'/admin/moderation/trails/lavoirs-de-recouvrance',
			MODERATION
		]
	];
	expect(new Set(pages.map(([route]) => route)), 'every /admin route is in the matrix').toEqual(
		adminRoutes()
	);
	for (const [, path, allowed, allowedStatus = 200] of pages) {
		for (const role of ROLES) {
			const response = await as[role].get(path, { headers: { accept: 'text/html' } });
			const expected = role === 'signed out' ? 303 : allowed.includes(role) ? allowedStatus : 403;
			expect(response.status(), `${role} GET ${path}`).toBe(expected);
			if (role === 'signed out') expect(response.headers().location).toMatch(/^\/login\?redirectTo=/);
		}
	}

	// Each action, tried first by every role that may not (nothing may change), then by those that
	// may: the first succeeds, the second finds the work done (409), never a refusal of permission.
	const actions: [path: string, form: Record<string, string>, allowed: Allowed][] = [
		[`/admin/desk/bookings/${request}?/approve`, {}, DESK],
		[`/admin/desk/bookings/${request}?/reject`, { reason: 'Déjà prêtée ce jour-là.' }, DESK],
		[`/admin/desk/bookings/${loan}?/handOut`, { condition: 'Complet' }, DESK],
		[`/admin/desk/bookings/${loan}?/takeBack`, { condition: 'Complet' }, DESK],
		[`/admin/desk/bookings/${later}?/noShow`, {}, DESK],
		['/admin/equipment/models/new?/create', { ...MODEL, slug: 'matrix-model' }, DESK],
		['/admin/equipment/categories?/create', { slug: 'matrice', nameFr: 'Matrice', position: '99' }, DESK],
		['/admin/equipment/categories?/update', { slug: 'matrice', nameFr: 'Matrice', position: '98' }, DESK],
		['/admin/equipment/kits/new?/create', KIT, DESK],
		['/admin/equipment/kits/kit-matrice?/update', { ...KIT, nameEn: 'Matrix kit' }, DESK],
		['/admin/equipment/sites/saint-martin?/update', SAINT_MARTIN, DESK],
		[
			'/admin/equipment/sites/saint-martin?/addClosure',
			{ startsOn: '2027-06-01', endsOn: '2027-06-01', reasonFr: 'Matrice' },
			DESK
		],
		[
			'/admin/equipment/sites/saint-martin?/removeClosure',
			{ id: '00000000-0000-4000-8000-000000000000' },
			DESK
		],
		['/admin/equipment/models/matrix-model?/update', { ...MODEL, maxLoanDays: '4' }, DESK],
		['/admin/equipment/models/matrix-model?/addPhoto', { altFr: 'Vue de face' }, DESK],
		['/admin/equipment/models/matrix-model?/removePhoto', { src: '/media/models/none.png' }, DESK],
		[
			'/admin/equipment/units?/create',
			{ model: 'zoom-h5', site: 'bellevue', assetTag: 'BRE-TST-BEL-01' },
			DESK
		],
		[
			`/admin/equipment/units/${bellevueUnit}?/update`,
			{ site: 'bellevue', status: 'in_service', notes: 'Vérifié' },
			DESK
		],
		['/admin/desk/training?/record', { email: 'yann@example.org', module: 'camera-basics' }, DESK],
		['/admin/people?/grant', { userId: '00000000-0000-4000-8000-000000000000', role: 'desk' }, ADMIN],
		['/admin/people?/revoke', { userId: '00000000-0000-4000-8000-000000000000', role: 'desk' }, ADMIN],
		[`${NO_APPLICATION}?/assign`, SOMEONE, REVIEW],
		[`${NO_APPLICATION}?/unassign`, SOMEONE, REVIEW],
		[`${NO_APPLICATION}?/conflict`, { note: 'Un voisin.' }, REVIEW],
		[`${NO_APPLICATION}?/start`, {}, REVIEW],
		[`${NO_APPLICATION}?/changes`, { message: 'Un devis.' }, REVIEW],
		[`${NO_APPLICATION}?/accept`, { letter: 'Oui.', amount: '10' }, REVIEW],
		[`${NO_APPLICATION}?/reject`, { letter: 'Non.' }, REVIEW],
		[`${NO_APPLICATION}?/score`, {}, REVIEW],
		[`${NO_APPLICATION}?/note`, { text: 'À relire.' }, REVIEW],
		[`${NO_APPLICATION}?/milestone`, { title: 'Tournage' }, REVIEW],
		[`${NO_APPLICATION}?/milestoneDone`, { milestoneId: SOMEONE.reviewerId }, REVIEW],
		['/admin/programmes/new?/create', { ...PROGRAMME, slug: 'matrix-programme' }, ADMIN],
		['/admin/programmes/matrix-programme?/update', { ...PROGRAMME, decisionDays: '20' }, ADMIN],
		['/admin/programmes/matrix-programme/form?/save', QUESTION, ADMIN],
		[
			'/admin/programmes/matrix-programme/rubric?/save',
			{ 'c.0.labelFr': 'Clarté', 'c.0.weight': '2' },
			ADMIN
		],
		['/admin/programmes/matrix-programme?/publish', {}, ADMIN],
		['/admin/programmes/matrix-programme?/unpublish', {}, ADMIN],
		['/admin/institutes/commons?/update', COMMONS, ADMIN],
		[
			'/admin/pledges?/pledge',
			{
				programme: 'benefit-sharing-pledges',
				group: 'penn-ar-bed-logiciels-libres',
				kind: 'yearly_amount',
				yearlyAmount: '1200',
				commons: 'La matrice des permissions',
				startsOn: '2027-01-01'
			},
			LEDGER
		],
		// No such pledge, no such entry: those allowed to ask are told so, and nothing is written.
		[
			'/admin/pledges?/contribute',
			{
				pledge: '00000000-0000-4000-8000-000000000000',
				amount: '10',
				receivedOn: '2026-01-01',
				memo: 'Matrice'
			},
			LEDGER
		],
		['/admin/ledger?/reverse', { seq: '999999', reason: 'Matrice des permissions' }, LEDGER],
		// The demo's trail waiting for moderation: published, then nothing left to ask changes for,
		// then taken off the public side again.
		[`${WAITING_TRAIL}?/publish`, { version: '1' }, MODERATION],
		[`${WAITING_TRAIL}?/changes`, { comment: 'Merci de préciser les marches.' }, MODERATION],
		[`${WAITING_TRAIL}?/unpublish`, { comment: 'Retiré par le test des permissions.' }, MODERATION]
	];
	expect(
		new Set(
			actions.map(([path]) =>
				path
					.replace(/[0-9a-f-]{36}/, '[id]')
					.replace('/models/matrix-model?', '/models/[slug]?')
					.replace('/sites/saint-martin?', '/sites/[slug]?')
					.replace('/kits/kit-matrice?', '/kits/[slug]?')
					.replace('/programmes/matrix-programme', '/programmes/[slug]')
					.replace('/institutes/commons?', '/institutes/[slug]?')
					.replace(`${WAITING_TRAIL}?`, '/admin/moderation/[kind=moderated]/[slug]?')
			)
		),
		'every /admin action is in the matrix'
	).toEqual(adminActions());
	const outcomes: string[] = [];
	for (const [path, form, allowed] of actions) {
		for (const role of [...ROLES.filter((role) => !allowed.includes(role)), ...allowed]) {
			const headers = { origin, accept: 'text/html' };
			const response = path.endsWith('?/addPhoto')
				? await as[role].post(path, {
						multipart: { ...form, photo: { name: 'front.png', mimeType: 'image/png', buffer: PNG } },
						headers
					})
				: await as[role].post(path, { form, headers });
			const status = response.status();
			if (role === 'signed out') expect(status, `${role} POST ${path}`).toBe(401);
			else if (!allowed.includes(role)) expect(status, `${role} POST ${path}`).toBe(403);
			else expect([200, 303, 400, 404, 409], `${role} POST ${path}`).toContain(status);
			if (allowed.includes(role)) outcomes.push(`${role} ${path.split('?/')[1]} ${status}`);
		}
	}
	// What the allowed roles met shows that the refused ones changed nothing before them.
	expect(outcomes).toEqual([
		'desk approve 200',
		'admin approve 409',
		'desk reject 409',
		'admin reject 409',
		'desk handOut 200',
		'admin handOut 409',
		'desk takeBack 200',
		'admin takeBack 409',
		// The 16:30 booking has not started yet on the desk's clock: allowed, but too early.
		'desk noShow 409',
		'admin noShow 409',
		// Added, then the same short address again: taken.
		'desk create 303',
		'admin create 400',
		'desk create 200',
		'admin create 400',
		'desk update 200',
		'admin update 200',
		'desk create 303',
		'admin create 400',
		'desk update 200',
		'admin update 200',
		'desk update 200',
		'admin update 200',
		'desk addClosure 200',
		'admin addClosure 200',
		// No such closure: not found, for those allowed to ask.
		'desk removeClosure 404',
		'admin removeClosure 404',
		'desk update 200',
		'admin update 200',
		'desk addPhoto 200',
		'admin addPhoto 200',
		// No such photo on the page: a clear 400 for those allowed to try.
		'desk removePhoto 400',
		'admin removePhoto 400',
		// Added, then the same tag again: taken.
		'desk create 303',
		'admin create 400',
		'desk update 200',
		'admin update 200',
		// Recording a training already recorded changes nothing and says so: still a success.
		'desk record 200',
		'admin record 200',
		'admin grant 404',
		'admin revoke 404',
		// No such application: not found, for the reviewers and admins allowed to ask.
		'reviewer assign 404',
		'desk assign 404',
		'admin assign 404',
		'reviewer unassign 404',
		'desk unassign 404',
		'admin unassign 404',
		'reviewer conflict 404',
		'desk conflict 404',
		'admin conflict 404',
		'reviewer start 404',
		'desk start 404',
		'admin start 404',
		'reviewer changes 404',
		'desk changes 404',
		'admin changes 404',
		'reviewer accept 404',
		'desk accept 404',
		'admin accept 404',
		'reviewer reject 404',
		'desk reject 404',
		'admin reject 404',
		'reviewer score 404',
		'desk score 404',
		'admin score 404',
		'reviewer note 404',
		'desk note 404',
		'admin note 404',
		'reviewer milestone 404',
		'desk milestone 404',
		'admin milestone 404',
		'reviewer milestoneDone 404',
		'desk milestoneDone 404',
		'admin milestoneDone 404',
		'admin create 303',
		'admin update 200',
		'admin save 200',
		'admin save 200',
		'admin publish 200',
		'admin unpublish 200',
		'admin update 200',
		'reviewer pledge 200',
		'desk pledge 200',
		'admin pledge 200',
		'reviewer contribute 404',
		'desk contribute 404',
		'admin contribute 404',
		'reviewer reverse 404',
		'desk reverse 404',
		'admin reverse 404',
		'moderator publish 200',
		'desk publish 409',
		'admin publish 409',
		'moderator changes 409',
		'desk changes 409',
		'admin changes 409',
		'moderator unpublish 200',
		'desk unpublish 409',
		'admin unpublish 409'
	]);
	await Promise.all(Object.values(as).map((context) => context.dispose()));
});
