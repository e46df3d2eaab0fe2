import type { Page } from '@playwright/test';
import { expect, expectAccessible } from './fixtures';

let counter = 0;

/** An address nobody has used yet in this database (each run starts from a fresh one). */
export function uniqueEmail(label: string): string {
	counter += 1;
	return `${label}-${Date.now()}-${counter}@example.net`;
}

export type NewPerson = { name: string; email: string; password: string };

export function newPerson(label: string): NewPerson {
	return {
		name: `Test ${label} ${counter + 1}`,
		email: uniqueEmail(label),
		password: `une phrase de passe ${label}`
	};
}

/** Creates an account through the French sign-up form; the person lands on their account page. */
export async function signUp(page: Page, person: NewPerson): Promise<void> {
	await page.goto('/signup');
	await expectAccessible(page);
	await page.getByLabel('Nom affiché').fill(person.name);
	await page.getByLabel('Adresse e-mail').fill(person.email);
	await page.getByLabel('Nouveau mot de passe').fill(person.password);
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	await expect(page.getByText(`Connecté·e avec l’adresse ${person.email}.`)).toBeVisible();
}

/**
 * Reads, in the admin outbox, the newest message to `to` whose subject matches, and returns the
 * first link in its text that matches `link`. The page must belong to an administrator.
 */
export async function readLinkFromOutbox(
	page: Page,
	to: string,
	subject: RegExp,
	link: RegExp
): Promise<string> {
	await page.goto('/admin/outbox');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: /Boîte d’envoi|Outbox/ })).toBeVisible();
	// Newest first: the first card for this recipient and subject is the one just sent.
	const message = page
		.getByRole('listitem')
		.filter({ has: page.locator('summary', { hasText: to }) })
		.filter({ has: page.locator('summary', { hasText: subject }) })
		.first();
	await expect(message).toBeVisible();
	await expect(message.locator('summary')).toContainText(/conservé|kept/);
	const text = message.locator('pre');
	await expect(text).toBeHidden();
	await message.locator('summary').click();
	await expect(text).toBeVisible();
	await expectAccessible(page);
	const body = await text.innerText();
	const found = body.match(link)?.[0];
	if (!found) throw new Error(`No link matching ${link} in this message:\n${body}`);
	return found;
}
