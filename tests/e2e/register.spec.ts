import { storedEntry, type PublicLedgerEntry } from '../../src/lib/server/institutes/ledger/public-entry';
import { verifyLedger } from '../../src/lib/server/institutes/ledger/verify-ledger';
import { REGISTER_CSV_HEADER } from '../../src/lib/server/institutes/register/csv';
import { expect, expectAccessible, test } from './fixtures';

// The public register on a phone: staff record what a business gave, anyone reads it in French
// or English, and anyone can download it and recompute the ledger's chain.

const run = Date.now().toString(36);
const COMMONS = `OpenStreetMap ${run}`;
const MEMO = `Versement ${run}`;

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let index = 0; index < text.length; index += 1) {
		const character = text[index] ?? '';
		const next = text[index + 1];
		if (quoted && character === '"' && next === '"') {
			cell += '"';
			index += 1;
		} else if (character === '"') {
			quoted = !quoted;
		} else if (!quoted && character === ',') {
			row.push(cell);
			cell = '';
		} else if (!quoted && character === '\r' && next === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			index += 1;
		} else {
			cell += character;
		}
	}
	return rows;
}

test('an admin records a pledge and a contribution, and the register shows it in French and English', async ({
	openPage,
	sessionOf
}) => {
	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	await admin.goto('/admin');
	await expectAccessible(admin);
	await admin.getByRole('link', { name: 'Engagements de partage' }).click();
	await expect(admin).toHaveURL('/admin/pledges');
	await expectAccessible(admin);

	const form = admin.locator('form[action="?/pledge"]');
	await form.getByLabel('Entreprise').selectOption({ label: 'Penn ar Bed Logiciels Libres' });
	await form.getByLabel('Un montant annuel').check();
	await form.getByLabel('Montant annuel (€)').fill('2 400');
	await form.getByLabel('Communs soutenus').fill(COMMONS);
	await form.getByLabel('Début').fill('2026-01-01');
	await form.getByRole('button', { name: 'Enregistrer l’engagement' }).click();
	await expect(admin.getByText('Engagement enregistré.')).toBeVisible();
	await expectAccessible(admin);

	const card = admin.getByRole('listitem').filter({ hasText: COMMONS });
	await expect(card.getByText('2 400 € par an')).toBeVisible();
	await card.getByText('Enregistrer une contribution').click();
	await card.getByLabel('Montant (€)').fill('1 234,56');
	await card.getByLabel('Date de réception').fill('2026-03-31');
	await card.getByLabel('Libellé').fill(MEMO);
	await card.getByRole('button', { name: 'Enregistrer la contribution' }).click();
	await expect(
		card.getByText(/Contribution enregistrée dans le grand livre \(écriture n° \d+\)\./)
	).toBeVisible();
	await expect(card.getByText(/Total reçu : 1\s234,56\s€/)).toBeVisible();
	await expectAccessible(admin);

	const visitor = await openPage();
	await visitor.goto('/register');
	await expectAccessible(visitor);
	await expect(visitor.getByRole('heading', { level: 1, name: 'Registre public' })).toBeVisible();
	await expect(visitor.getByText(/^Chaîne vérifiée : \d+ écritures$/)).toBeVisible();
	const pledge = visitor.getByRole('listitem').filter({ hasText: COMMONS });
	await expect(pledge.getByRole('heading', { name: 'Penn ar Bed Logiciels Libres' })).toBeVisible();
	await expect(pledge.getByText(MEMO)).toBeVisible();
	await expect(pledge.getByText(/1\s234,56\s€/).first()).toBeVisible();

	const english = await openPage({ locale: 'en-GB' });
	await english.goto('/register');
	await expectAccessible(english);
	await expect(english.getByRole('heading', { level: 1, name: 'Public register' })).toBeVisible();
	await expect(english.getByText(/^Chain verified: \d+ entries$/)).toBeVisible();
	const inEnglish = english.getByRole('listitem').filter({ hasText: COMMONS });
	await expect(inEnglish.getByText('€2,400 a year')).toBeVisible();
	await expect(inEnglish.getByText('Total received: €1,234.56')).toBeVisible();
	for (const heading of ['Awards', 'Prizes', 'Bounties', 'Benefit-sharing pledges', 'Ledger'])
		await expect(english.getByRole('heading', { level: 2, name: heading })).toBeVisible();
});

test('the register downloads as JSON whose chain anyone can re-verify, and as CSV', async ({ request }) => {
	const answer = await request.get('/api/register.json');
	expect(answer.status()).toBe(200);
	expect(answer.headers()['cache-control']).toBe('public, max-age=60');
	const register = (await answer.json()) as {
		generatedAt: string;
		awards: unknown[];
		bounties: { slug: string; state: string }[];
		pledges: { commons: string; totalCents: number }[];
		ledger: { entries: PublicLedgerEntry[]; verified: boolean; head: string };
	};
	expect(register.ledger.verified).toBe(true);
	expect(register.ledger.entries.length).toBeGreaterThan(0);
	expect(verifyLedger(register.ledger.entries.map(storedEntry))).toEqual({
		ok: true,
		entries: register.ledger.entries.length,
		head: register.ledger.head
	});
	expect(register.pledges.find((pledge) => pledge.commons === COMMONS)?.totalCents).toBe(123_456);
	expect(register.ledger.entries.some((entry) => entry.memo === MEMO && entry.amountCents === 123_456)).toBe(
		true
	);
	for (const bounty of register.bounties) expect(['open', 'claimed', 'awarded']).toContain(bounty.state);

	const csv = await request.get('/api/register.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const rows = parseCsv(await csv.text());
	expect(rows[0]).toEqual([...REGISTER_CSV_HEADER]);
	for (const row of rows) expect(row).toHaveLength(REGISTER_CSV_HEADER.length);
	const ledgerRows = rows.filter((row) => row[0] === 'ledger');
	expect(ledgerRows.map((row) => row.at(-1))).toEqual(register.ledger.entries.map((entry) => entry.hash));
	expect(rows.some((row) => row[0] === 'pledge' && row.includes(COMMONS))).toBe(true);
});

test('a mistaken contribution is corrected with a reversing entry, and the chain still verifies', async ({
	openPage,
	sessionOf
}) => {
	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	await admin.goto('/admin/ledger');
	await expectAccessible(admin);
	await expect(admin.getByText(/^Chaîne vérifiée : \d+ écritures$/)).toBeVisible();
	const entry = admin.getByRole('listitem').filter({ hasText: MEMO });
	await entry.getByText('Annuler par une contre-écriture').click();
	await entry.getByLabel('Motif de la correction').fill('Montant saisi deux fois');
	await entry.getByRole('button', { name: 'Enregistrer la contre-écriture' }).click();
	await expect(admin.getByText(/^Contre-écriture enregistrée \(écriture n° \d+\)\.$/)).toBeVisible();
	await expect(admin.getByRole('listitem').filter({ hasText: 'Montant saisi deux fois' })).toContainText(
		/Annule l’écriture n° \d+/
	);
	await expectAccessible(admin);

	const visitor = await openPage();
	await visitor.goto('/register');
	await expectAccessible(visitor);
	await expect(visitor.getByText(/^Chaîne vérifiée : \d+ écritures$/)).toBeVisible();
	const pledge = visitor.getByRole('listitem').filter({ hasText: COMMONS });
	await expect(pledge.getByText(/Total reçu : 0\s€/)).toBeVisible();
});
