import {
	availabilitySchema,
	bookingSchema,
	catalogueItemSchema,
	createdBookingSchema
} from '../../src/lib/server/lending/responses';
import { expect, expectAccessible, test } from './fixtures';
import { newPerson } from './helpers';

// The open data contract: /api/openapi.json describes the API that answers, and /open-data
// explains it in both languages with examples that work.

test('GET /api/openapi.json is an OpenAPI 3.1 document of the API, on this origin', async ({
	request,
	baseURL
}) => {
	const response = await request.get('/api/openapi.json');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(response.headers()['cache-control']).toBe('public, max-age=300');
	const document = await response.json();
	expect(document.openapi).toMatch(/^3\.1\.\d+$/);
	expect(document.servers).toEqual([{ url: baseURL }]);
	expect(document.info.license.identifier).toBe('etalab-2.0');
	const operations = Object.entries(document.paths as Record<string, object>).flatMap(([path, item]) =>
		Object.keys(item)
			.filter((method) => method !== 'parameters')
			.map((method) => `${method.toUpperCase()} ${path}`)
	);
	expect(operations).toEqual(
		expect.arrayContaining([
			'GET /health',
			'GET /api/equipment',
			'GET /api/equipment/{slug}/availability',
			'POST /api/bookings',
			'GET /api/bookings',
			'GET /api/bookings/{id}',
			'DELETE /api/bookings/{id}',
			'GET /calendar/{token}.ics',
			'POST /api/auth/sign-in/email'
		])
	);
	expect(document.components.schemas.BookingRequest.required).toEqual(['equipment', 'site', 'start', 'end']);
	expect(document.components.securitySchemes.session).toMatchObject({
		in: 'cookie',
		name: 'commons.session_token'
	});
});

test('/open-data explains the API in French, and its examples work as written', async ({
	page,
	playwright,
	baseURL
}) => {
	await page.goto('/');
	await expectAccessible(page);
	await page.getByRole('contentinfo').getByRole('link', { name: 'Données ouvertes et API' }).click();
	await expect(page).toHaveURL('/open-data');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Données ouvertes et API' })).toBeVisible();
	await expect(page).toHaveTitle('Données ouvertes et API – Portail des communs de Brest');
	await expect(page.getByRole('link', { name: 'Le document OpenAPI' })).toHaveAttribute(
		'href',
		'/api/openapi.json'
	);
	await expect(page.getByRole('link', { name: 'Registre en JSON' })).toHaveAttribute(
		'href',
		'/api/register.json'
	);
	await expect(page.getByRole('link', { name: 'Registre en CSV' })).toHaveAttribute(
		'href',
		'/api/register.csv'
	);
	await expect(page.getByRole('heading', { level: 3, name: 'Les codes d’erreur de l’API' })).toBeVisible();
	await expect(page.getByRole('term')).toContainText([
		'401 not_signed_in',
		'403 forbidden',
		'403 training_required'
	]);
	await expect(page.getByText('au plus 60 demandes de connexion')).toBeVisible();
	await expect(page.getByText('Licence Ouverte / Open Licence 2.0')).toBeVisible();

	// The commands on the page, run as a client would: read, then sign in and book.
	const commands = await page.locator('pre code').allTextContents();
	const urlOf = (command: string) => new URL(command.match(/"(http[^"]+)"/)?.[1] ?? '');
	const api = await playwright.request.newContext({ baseURL });
	const [search, free, availability] = commands.slice(0, 3).map(urlOf);
	for (const url of [search, free]) {
		expect(url?.origin).toBe(baseURL);
		const answer = await api.get(`${url?.pathname}${url?.search}`);
		expect(answer.status(), String(url)).toBe(200);
		const items = catalogueItemSchema.array().parse(await answer.json());
		expect(items.length).toBeGreaterThan(0);
	}
	const periods = await api.get(`${availability?.pathname}${availability?.search}`);
	expect(availabilitySchema.parse(await periods.json()).sites).toHaveLength(1);

	const booking = commands.find((command) => command.includes('"equipment"'));
	const body = JSON.parse(booking?.match(/-d '([^']+)'/)?.[1] ?? '{}');
	expect(Object.keys(body)).toEqual(['equipment', 'site', 'start', 'end']);
	// Someone new, so no other journey's bookings count against the limit; then the page's sign-in.
	const person = newPerson('open-data');
	const signUp = await playwright.request.newContext({ baseURL });
	expect((await signUp.post('/api/auth/sign-up/email', { data: person })).status()).toBe(200);
	await signUp.dispose();
	const signedIn = await api.post('/api/auth/sign-in/email', {
		data: { email: person.email, password: person.password }
	});
	expect(signedIn.status()).toBe(200);
	const created = await api.post('/api/bookings', { data: body });
	expect(created.status()).toBe(201);
	const { id } = createdBookingSchema.parse(await created.json());
	const cancelled = await api.delete(`/api/bookings/${id}`);
	expect(bookingSchema.parse(await cancelled.json()).status).toBe('cancelled');
	await api.dispose();
});

test('/open-data in English', async ({ page }) => {
	await page.goto('/open-data');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Read this site in English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL('/open-data');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Open data and API' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Booking through the API' })).toBeVisible();
	await expect(page.getByRole('term').filter({ hasText: 'not_cancellable' })).toBeVisible();
	await expect(page.getByText('Already picked up, returned or cancelled.')).toBeVisible();
	await expect(
		page.getByRole('contentinfo').getByRole('link', { name: 'Open data and API' })
	).toHaveAttribute('href', '/open-data');
});
