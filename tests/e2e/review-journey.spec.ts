import type { BrowserContextOptions, Page } from '@playwright/test';
import { expect, expectAccessible, test, type SignedInState } from './fixtures';

// A group applies; a reviewer takes it up, assigns, scores and asks for changes; a reviewer who is
// a member of the applicant group reads it but can neither score nor decide, even by a forged post.

async function applyAsRecouvranceSonore(camille: Page): Promise<string> {
	await camille.goto('/my/applications/new?programme=legal-help');
	await expectAccessible(camille);
	await camille.getByLabel('Au nom de Recouvrance Sonore').check();
	await camille.getByRole('button', { name: 'Commencer' }).click();
	await expect(camille).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}$/);
	await expectAccessible(camille);
	await camille.getByLabel('Titre de la candidature').fill('Des statuts pour Recouvrance Sonore');
	await camille
		.getByRole('textbox', { name: /^Résumé du projet/ })
		.fill('Nous voulons devenir une association loi 1901.');
	await camille.getByRole('radio', { name: 'Association loi 1901' }).check();
	await camille.getByRole('textbox', { name: /^Vos questions juridiques/ }).fill('Qui signe les statuts ?');
	await camille.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expect(camille.getByRole('button', { name: 'Envoyer la candidature' })).toBeHidden();
	await expectAccessible(camille);
	return new URL(camille.url()).pathname.split('/').at(-1) ?? '';
}

/** Grants or takes back a role through the admin's own people page. */
async function setRole(admin: Page, email: string, role: string, change: 'grant' | 'revoke') {
	await admin.goto(`/admin/people?q=${encodeURIComponent(email)}`);
	await expectAccessible(admin);
	const userId = await admin.locator('input[name="userId"]').first().getAttribute('value');
	const response = await admin.request.post(`/admin/people?/${change}`, {
		form: { userId: userId ?? '', role },
		headers: { origin: new URL(admin.url()).origin, accept: 'text/html' }
	});
	expect(response.status()).toBe(200);
}

test('a reviewer assigns, scores and asks for changes; a reviewer from the applicant group cannot judge', async ({
	page,
	sessionOf,
	openPage
}) => {
	const camille = await openPage({ storageState: await sessionOf('camille@example.org') });
	const id = await applyAsRecouvranceSonore(camille);

	// Yann is an editor of Recouvrance Sonore; the admin makes him a reviewer.
	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	await setRole(admin, 'yann@example.org', 'reviewer', 'grant');
	// Other journeys meet Yann as a plain resident: the role goes back however this one ends.
	try {
		await reviewAndRefuseYann(page, id, sessionOf, openPage, admin);
	} finally {
		await setRole(admin, 'yann@example.org', 'reviewer', 'revoke');
	}
});

async function reviewAndRefuseYann(
	page: Page,
	id: string,
	sessionOf: (email: string) => Promise<SignedInState>,
	openPage: (options?: BrowserContextOptions) => Promise<Page>,
	admin: Page
) {
	await page.context().addCookies((await sessionOf('desk@example.org')).cookies);
	await page.goto('/admin');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Candidatures' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Candidatures' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Programme').selectOption('legal-help');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/programme=legal-help/);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Des statuts pour Recouvrance Sonore' }).click();
	await expect(page).toHaveURL(`/admin/applications/${id}`);
	await expectAccessible(page);
	await expect(page.getByText('Qui signe les statuts ?')).toBeVisible();

	// Yann cannot be asked to review his own group's application; the desk reviewer can.
	const assignee = page.getByLabel('Confier à');
	const yann = await assignee.locator('option', { hasText: 'yann@example.org' }).getAttribute('value');
	await assignee.selectOption(yann ?? '');
	await page.getByRole('button', { name: 'Confier la candidature' }).click();
	await expect(page.getByRole('alert')).toContainText('Yann Morvan ne peut pas évaluer cette candidature');
	await expectAccessible(page);
	const desk = await assignee.locator('option', { hasText: 'desk@example.org' }).getAttribute('value');
	await assignee.selectOption(desk ?? '');
	await page.getByRole('button', { name: 'Confier la candidature' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Candidature confiée.' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Commencer l’instruction' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Instruction commencée.' })).toBeVisible();
	await page
		.getByRole('group', { name: /Besoin réel/ })
		.getByLabel('Note de 0 à 5')
		.fill('4');
	await page
		.getByRole('group', { name: /Le commun à protéger/ })
		.getByLabel('Note de 0 à 5')
		.fill('3');
	await page.getByRole('button', { name: 'Enregistrer mes notes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Vos notes sont enregistrées.' })).toBeVisible();
	await expect(page.getByText('Note moyenne : 3,5')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Demander des modifications' }).click();
	await expect(page.getByLabel('Ce qu’il faut modifier')).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Ce qu’il faut modifier').fill('Joignez le projet de statuts.');
	await page.getByRole('button', { name: 'Demander des modifications' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Demande de modifications envoyée.' })
	).toBeVisible();
	await expect(page.getByText('Modifications demandées').first()).toBeVisible();
	await expectAccessible(page);

	// Yann reads it, is told why he cannot judge it, and finds no scoring form nor decision.
	const reviewer = await openPage({ storageState: await sessionOf('yann@example.org') });
	await reviewer.goto(`/admin/applications/${id}`);
	await expectAccessible(reviewer);
	await expect(
		reviewer.getByText(
			'You belong to the applicant group: you can neither score nor decide this application.'
		)
	).toBeVisible();
	await expect(
		reviewer.getByRole('button', { name: /Save my scores|Accept|Reject|Request changes/ })
	).toHaveCount(0);
	await expect(reviewer.locator('form[action="?/score"]')).toHaveCount(0);
	const forged = await reviewer.request.post(`/admin/applications/${id}?/reject`, {
		form: { letter: 'Non.' },
		headers: { origin: new URL(reviewer.url()).origin, accept: 'text/html' }
	});
	expect(forged.status()).toBe(403);

	// Camille is told by mail.
	await admin.goto('/admin/outbox');
	await expectAccessible(admin);
	await expect(
		admin
			.getByText(
				'Votre candidature à « Aide juridique pour un nouveau commun » : des modifications sont demandées'
			)
			.first()
	).toBeVisible();
}
