import { expect, test } from './fixtures';

// Whatever is posted, a person gets a clear 4xx, never a server error.

const FORM_ACTIONS = [
	'/login?/password',
	'/login?/link',
	'/signup',
	'/forgot-password',
	'/reset-password',
	'/account?/profile',
	'/account?/password',
	'/account?/delete',
	'/admin/people?/grant',
	'/language',
	'/equipment/zoom-h5?/book',
	'/equipment/zoom-h5?/waitlist'
];

test('a body that is not a form is refused with a 4xx, signed in or not', async ({
	playwright,
	sessionOf,
	baseURL
}) => {
	for (const state of [undefined, await sessionOf('admin@example.org')]) {
		const request = await playwright.request.newContext({ baseURL, storageState: state });
		for (const path of FORM_ACTIONS) {
			const response = await request.post(path, {
				headers: { origin: String(baseURL), 'content-type': 'multipart/form-data; boundary=xx' },
				data: 'this is not multipart'
			});
			// 400, or 401 first where a visitor may not post at all.
			const expected = !state && path.startsWith('/admin') ? 401 : 400;
			expect(response.status(), `${path} (${state ? 'admin' : 'visitor'})`).toBe(expected);
		}
		await request.dispose();
	}
});

test('control characters in a name are refused in the person’s language', async ({ playwright, baseURL }) => {
	const request = await playwright.request.newContext({ baseURL });
	const response = await request.post('/signup', {
		headers: { origin: String(baseURL), accept: 'application/json', 'x-sveltekit-action': 'true' },
		form: { name: 'Nul\u0000', email: `nul-${Date.now()}@example.net`, password: 'une phrase de passe' }
	});
	expect(response.status()).toBe(200); // SvelteKit answers enhanced actions with 200 and the failure inside
	const body = await response.json();
	expect(body.type).toBe('failure');
	expect(body.status).toBe(400);
	expect(body.data).toContain('Le nom ne doit pas contenir de caractères de contrôle.');
	await request.dispose();
});

test('odd search parameters on the staff pages are answered, not crashed on', async ({
	playwright,
	sessionOf,
	baseURL
}) => {
	const request = await playwright.request.newContext({
		baseURL,
		storageState: await sessionOf('admin@example.org')
	});
	for (const query of ['page=1e308', 'page=-5', 'page=abc', 'q=%00', 'q=%25_%5C']) {
		const response = await request.get(`/admin/people?${query}`);
		expect(response.status(), query).toBe(200);
	}
	await request.dispose();
});
