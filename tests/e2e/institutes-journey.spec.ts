import type { BrowserContextOptions, Page } from '@playwright/test';
import { storedEntry, type PublicLedgerEntry } from '../../src/lib/server/institutes/ledger/public-entry';
import { verifyLedger } from '../../src/lib/server/institutes/ledger/verify-ledger';
import { expect, expectAccessible, test } from './fixtures';
import { newPerson, signUp } from './helpers';

// Issue 6, must-show 1: a resident applies to the Commons Prize on a phone and loses the network
// on the way without losing a word; one reviewer asks for changes, the resident makes them, a
// second reviewer awards 1,000 €; the public register shows it and its ledger chain holds.

const run = Date.now().toString(36);
const TITLE = `Les voix du port ${run}`;
const ONLINE = 'Des chants de marins recueillis auprès des anciens du quartier.';
const OFFLINE = ' Écrit sans réseau, dans le bus.';
const CORRECTION = ' Les enregistrements sont publiés sous CC BY-SA.';

const description = (page: Page) =>
	page.getByRole('textbox', { name: /^Le travail en commun à récompenser/ });
const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Enregistré à \d\d:\d\d$/ });

async function reviewerPage(
	openPage: (options?: BrowserContextOptions) => Promise<Page>,
	session: BrowserContextOptions['storageState'],
	id: string
) {
	const page = await openPage({ storageState: session, viewport: { width: 1280, height: 900 } });
	await page.goto(`/admin/applications/${id}`);
	await expectAccessible(page);
	return page;
}

test('a resident applies offline and online, corrects on request, and wins 1,000 € that the register and ledger show', async ({
	page,
	context,
	openPage,
	sessionOf
}) => {
	await signUp(page, newPerson('prize-journey'));
	await page.goto('/programmes/commons-prize-2027');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Déposer une candidature' }).click();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Commencer' }).click();
	await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}$/);
	const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	await expectAccessible(page);

	await page.getByLabel(/^Titre de la candidature/).fill(TITLE);
	await description(page).fill(ONLINE);
	await expect(saved(page)).toBeVisible();

	await context.setOffline(true);
	await description(page).pressSequentially(OFFLINE);
	await expect(page.getByRole('status').filter({ hasText: /^Hors ligne/ })).toBeVisible();
	await context.setOffline(false);
	await expect(saved(page)).toBeVisible();
	await page.reload();
	await expectAccessible(page);
	await expect(page.getByLabel(/^Titre de la candidature/)).toHaveValue(TITLE);
	await expect(description(page)).toHaveValue(ONLINE + OFFLINE);

	await page.getByRole('radio', { name: 'CC BY-SA 4.0' }).check();
	await page.getByRole('checkbox', { name: 'Mon nom' }).check();
	await page.getByRole('checkbox', { name: /^Le travail en commun/ }).check();
	await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expect(page).toHaveURL(/\?done=submit$/);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { name: 'État : Envoyée' })).toBeVisible();

	// The first reviewer takes it up and asks for a change.
	const first = await reviewerPage(openPage, await sessionOf('desk@example.org'), id);
	await expect(first.getByText(ONLINE + OFFLINE)).toBeVisible();
	await first.getByRole('button', { name: 'Commencer l’instruction' }).click();
	await expect(first.getByRole('status').filter({ hasText: 'Instruction commencée.' })).toBeVisible();
	await first.getByLabel('Ce qu’il faut modifier').fill('Précisez la licence des enregistrements.');
	await first.getByRole('button', { name: 'Demander des modifications' }).click();
	await expect(
		first.getByRole('status').filter({ hasText: 'Demande de modifications envoyée.' })
	).toBeVisible();
	await expectAccessible(first);

	// The resident reads the request, corrects and sends it back.
	await page.reload();
	await expectAccessible(page);
	await expect(page.getByText('Précisez la licence des enregistrements.').first()).toBeVisible();
	await description(page).pressSequentially(CORRECTION);
	await expect(saved(page)).toBeVisible();
	await page.getByRole('button', { name: 'Renvoyer avec les corrections' }).click();
	await expect(page.getByRole('heading', { name: 'État : Corrigée et renvoyée' })).toBeVisible();
	await expectAccessible(page);

	// A second reviewer decides: 1,000 € with a letter.
	const second = await reviewerPage(openPage, await sessionOf('admin@example.org'), id);
	await expect(second.getByText(ONLINE + OFFLINE + CORRECTION)).toBeVisible();
	const accept = second.locator('form[action="?/accept"]');
	await accept.getByLabel('Lettre de décision').fill('Le jury vous attribue le prix des communs.');
	await accept.getByLabel(/^Montant accordé/).fill('1000');
	await accept.getByRole('button', { name: 'Accepter' }).click();
	await expect(
		second
			.getByRole('status')
			.filter({ hasText: 'Candidature acceptée ; la personne qui candidate est prévenue.' })
	).toBeVisible();
	await expectAccessible(second);

	await page.reload();
	await expectAccessible(page);
	await expect(page.getByRole('heading', { name: 'État : Retenue' })).toBeVisible();
	await expect(page.getByText('Le jury vous attribue le prix des communs.').first()).toBeVisible();

	// The public register names the award, and its ledger re-verifies from the download.
	const visitor = await openPage();
	await visitor.goto('/register');
	await expectAccessible(visitor);
	const award = visitor
		.getByRole('region', { name: 'Prix' })
		.getByRole('article')
		.filter({ has: visitor.getByRole('heading', { name: TITLE }) });
	await expect(award.getByText(/^Montant accordé : 1\s000\s€$/)).toBeVisible();
	await expect(visitor.getByText(/^Chaîne vérifiée : \d+ écritures$/)).toBeVisible();
	const register = (await (await visitor.request.get('/api/register.json')).json()) as {
		ledger: { entries: PublicLedgerEntry[]; verified: boolean; head: string };
	};
	const entry = register.ledger.entries.find((item) => item.kind === 'award' && item.memo.endsWith(id));
	expect(entry?.amountCents).toBe(100_000);
	expect(register.ledger.verified).toBe(true);
	expect(verifyLedger(register.ledger.entries.map(storedEntry))).toMatchObject({
		ok: true,
		head: register.ledger.head
	});
});
