import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';

const today = (locale: string) =>
	new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Paris' }).format(new Date());

/** Ticks one choice per question, in order, by its label. */
async function answer(page: Page, choices: string[], questions: string) {
	for (const [index, choice] of choices.entries()) {
		const group = page.getByRole('group', { name: new RegExp(`^${questions} ${index + 1} `) });
		await group.getByRole('radio', { name: choice, exact: true }).check();
	}
}

async function signInHere(page: Page, email: string) {
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill(email);
	await form.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Se connecter' }).click();
}

test('a resident reads Camera basics, fails the quiz, passes it, and sees it on /learn and her account', async ({
	page
}) => {
	await page.goto('/');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Voir les modules' }).click();
	await expect(page).toHaveURL('/learn');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Se former' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 })).toHaveCount(4);
	await expect(page.getByText(/^Suivi le/)).toHaveCount(0);

	// The lesson: text, an illustration with its alternative, then the quiz.
	await page.getByRole('link', { name: 'Les bases de la caméra' }).click();
	await expect(page).toHaveURL('/learn/camera-basics');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Les bases de la caméra' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'L’exposition' })).toBeVisible();
	await expect(page.getByRole('img', { name: /^Une caméra cinéma vue de profil/ })).toBeVisible();
	const quiz = page.getByRole('region', { name: 'Vérifiez vos acquis' });
	await expect(quiz.getByRole('group')).toHaveCount(3);
	await expect(quiz.getByRole('status')).toContainText('il faudra vous connecter');

	// Signed out, answering leads to the sign-in, which comes back to the lesson.
	await answer(page, ['1/50 s', '−12 dB', 'Je la signale au guichet en rendant la caméra'], 'Question');
	await quiz.getByRole('button', { name: 'Valider mes réponses' }).click();
	await expect(page).toHaveURL('/login?redirectTo=%2Flearn%2Fcamera-basics');
	await expectAccessible(page);
	await signInHere(page, 'camille@example.org');
	await expect(page).toHaveURL('/learn/camera-basics');
	await expectAccessible(page);
	await expect(quiz.getByText('il faudra vous connecter')).toHaveCount(0);

	// Two wrong answers: the page says which, focus goes to the first, and nothing is recorded.
	await answer(page, ['1/25 s', '−12 dB', 'Rien, puisque la caméra fonctionne'], 'Question');
	await quiz.getByRole('button', { name: 'Valider mes réponses' }).click();
	await expect(quiz.getByRole('alert')).toHaveText(
		'Réponses justes : 1 sur 3. Questions à revoir : 1, 3. Relisez la leçon, puis réessayez.'
	);
	const first = quiz.getByRole('group', { name: /^Question 1 sur 3/ });
	await expect(first).toHaveAccessibleDescription('Ce n’est pas la bonne réponse.');
	await expect(first.getByRole('radio', { name: '1/25 s' })).toBeFocused();
	await expect(quiz.getByRole('group', { name: /^Question 2 sur 3/ })).not.toHaveAccessibleDescription(/.+/);
	await expect(quiz.getByRole('radio', { name: '−12 dB' })).toBeChecked();
	await expectAccessible(page);

	// All right this time.
	await answer(page, ['1/50 s', '−12 dB', 'Je la signale au guichet en rendant la caméra'], 'Question');
	await quiz.getByRole('button', { name: 'Valider mes réponses' }).click();
	await expect(quiz.getByRole('status')).toContainText('Bravo, toutes vos réponses sont justes');
	await expect(quiz.getByRole('status')).toContainText(`Vous avez suivi ce module le ${today('fr-FR')}.`);
	await expect(quiz.getByRole('group')).toHaveCount(0);
	await expectAccessible(page);

	// Back on the lesson later: completed, no quiz to take again.
	await page.reload();
	await expectAccessible(page);
	await expect(page.getByRole('status')).toHaveText(`Vous avez suivi ce module le ${today('fr-FR')}.`);
	await expect(page.getByRole('radio')).toHaveCount(0);

	await page.goto('/learn');
	await expectAccessible(page);
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: 'Les bases de la caméra' }) });
	await expect(card).toContainText(`Suivi le ${today('fr-FR')}`);
	await expect(page.getByText('Pas encore suivi')).toHaveCount(3);

	await page.goto('/account');
	await expectAccessible(page);
	const training = page.getByRole('region', { name: 'Formations' });
	await expect(training.getByRole('listitem')).toHaveCount(1);
	await expect(training.getByRole('listitem')).toContainText(
		`Les bases de la caméra Suivi le ${today('fr-FR')}`
	);
	await training.getByRole('link', { name: 'Les bases de la caméra' }).click();
	await expect(page).toHaveURL('/learn/camera-basics');
	await expectAccessible(page);
});

test('an unknown module is a 404 page', async ({ page }) => {
	const response = await page.goto('/learn/no-such-module');
	expect(response?.status()).toBe(404);
	await expectAccessible(page);
});

test('the quiz answers odd posts with a 4xx and records nothing', async ({
	playwright,
	sessionOf,
	baseURL
}) => {
	// As a browser posts a form without JavaScript.
	const headers = { origin: String(baseURL), accept: 'text/html' };
	const visitor = await playwright.request.newContext({ baseURL });
	const refused = await visitor.post('/learn/camera-basics', { headers, form: { q1: '1' }, maxRedirects: 0 });
	expect(refused.status()).toBe(303);
	expect(refused.headers().location).toBe('/login?redirectTo=%2Flearn%2Fcamera-basics');
	await visitor.dispose();

	const resident = await playwright.request.newContext({
		baseURL,
		storageState: await sessionOf('ewen@example.org')
	});
	const post = (path: string, options: Parameters<typeof resident.post>[1]) =>
		resident.post(path, { ...options, headers: { ...headers, ...options?.headers } });
	const notAForm = await post('/learn/camera-basics', {
		headers: { 'content-type': 'multipart/form-data; boundary=xx' },
		data: 'this is not multipart'
	});
	expect(notAForm.status()).toBe(400);
	expect((await post('/learn/camera-basics', { form: { q1: 'x', q2: '99', q3: '' } })).status()).toBe(400);
	expect((await post('/learn/no-such-module', { form: { q1: '1', q2: '1', q3: '2' } })).status()).toBe(404);
	const lesson = await resident.get('/learn/camera-basics');
	expect(await lesson.text()).not.toContain('Vous avez suivi ce module');
	await resident.dispose();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an English-speaking resident signs in from the quiz, fails it with a 422, then passes', async ({
		page
	}) => {
		await page.goto('/learn/choosing-a-licence');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Valider mes réponses' }).click();
		await expect(page).toHaveURL('/login?redirectTo=%2Flearn%2Fchoosing-a-licence');
		await expectAccessible(page);
		await signInHere(page, 'yann@example.org');
		await expect(page).toHaveURL('/learn/choosing-a-licence');
		await expectAccessible(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Choosing a Creative Commons licence' })
		).toBeVisible();

		// Nothing ticked: every question asks for an answer.
		const check = page.getByRole('button', { name: 'Check my answers' });
		const blank = page.waitForResponse((response) => response.request().method() === 'POST');
		await check.click();
		expect((await blank).status()).toBe(400);
		await expectAccessible(page);
		await expect(page.getByRole('group', { name: /^Question 3 of 3/ })).toHaveAccessibleDescription(
			'Choose an answer.'
		);

		await answer(page, ['CC BY 4.0', 'pay you royalties', 'CC0'], 'Question');
		const wrong = page.waitForResponse((response) => response.request().method() === 'POST');
		await check.click();
		expect((await wrong).status()).toBe(422);
		await expect(page).toHaveURL('/learn/choosing-a-licence');
		await expectAccessible(page);
		await expect(page.getByRole('alert')).toHaveText(
			'Right answers: 1 of 3. Questions to look at again: 2, 3. Read the lesson again, then try again.'
		);
		await expect(page.getByRole('group', { name: /^Question 2 of 3/ })).toHaveAccessibleDescription(
			'That is not the right answer.'
		);
		// The choices made are still ticked.
		await expect(page.getByRole('radio', { name: 'pay you royalties' })).toBeChecked();

		await answer(
			page,
			['CC BY 4.0', 'credit you and share its version under the same licence', 'CC BY-NC-SA 4.0'],
			'Question'
		);
		await check.click();
		await expectAccessible(page);
		await expect(page.getByRole('status')).toContainText('Well done, all your answers are right');
		await expect(page.getByRole('status')).toContainText(`You completed this module on ${today('en-GB')}.`);

		await page.goto('/learn');
		await expectAccessible(page);
		const card = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: 'Choosing a Creative Commons licence' }) });
		await expect(card).toContainText(`Completed on ${today('en-GB')}`);
	});
});
