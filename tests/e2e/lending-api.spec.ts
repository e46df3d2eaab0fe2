import type { APIRequestContext } from '@playwright/test';
import { expect, test, type SignedInState } from './fixtures';
import { cityInstant, nextWeekday } from './dates';

// The API contract of PRODUCT.md: every refusal a clear 4xx in JSON, never a 500, nothing written.

const tuesday = nextWeekday(2, 9);
const period = (from: string, to: string, day = tuesday) => ({
	start: cityInstant(day, from).toISOString(),
	end: cityInstant(day, to).toISOString()
});
const tripod = { equipment: 'manfrotto-tripod', site: 'capucins', ...period('10:00', '12:00') };

type RequestFactory = {
	request: {
		newContext: (options: { baseURL: string; storageState: SignedInState }) => Promise<APIRequestContext>;
	};
};

const signedIn = (playwright: RequestFactory, baseURL: string, storageState: SignedInState) =>
	playwright.request.newContext({ baseURL, storageState });

test('the catalogue answers searches, filters and periods, and refuses bad ones with 422', async ({
	request
}) => {
	const found = await request.get('/api/equipment?q=videoprojecteur');
	expect(found.status()).toBe(200);
	expect((await found.json()).map((entry: { slug: string }) => entry.slug)).toEqual(['epson-projector']);

	const { start, end } = period('10:00', '12:00');
	const free = await request.get(
		`/api/equipment?category=sound&site=capucins&from=${encodeURIComponent(start)}&to=${encodeURIComponent(end)}`
	);
	const zoom = (await free.json()).find((entry: { slug: string }) => entry.slug === 'zoom-h5');
	expect(zoom).toMatchObject({ name: 'Enregistreur Zoom H5', category: 'sound', total: 3 });
	expect(zoom.available).toBeGreaterThanOrEqual(0);

	for (const query of [
		'from=yesterday&to=tomorrow',
		`from=${encodeURIComponent(end)}&to=${encodeURIComponent(start)}`,
		'from=0001-01-01T00:00:00Z&to=9999-01-01T00:00:00Z',
		`from=${encodeURIComponent(start)}`
	]) {
		const refused = await request.get(`/api/equipment?${query}`);
		expect(refused.status(), query).toBe(422);
		expect((await refused.json()).error).toBe('invalid');
	}
});

test('availability gives free and busy periods per site; unknown models are 404', async ({ request }) => {
	const { start } = period('00:00', '01:00');
	const answer = await request.get(
		`/api/equipment/epson-projector/availability?from=${encodeURIComponent(start)}&to=${encodeURIComponent(cityInstant(tuesday, '23:00').toISOString())}`
	);
	expect(answer.status()).toBe(200);
	const body = await answer.json();
	expect(body.sites.map((site: { site: { slug: string } }) => site.site.slug).sort()).toEqual([
		'bellevue',
		'saint-martin'
	]);
	expect(body.sites[0].periods[0]).toMatchObject({ state: expect.stringMatching(/free|busy/) });
	expect((await request.get('/api/equipment/flux-capacitor/availability')).status()).toBe(404);
	expect(
		(
			await request.get(
				'/api/equipment/zoom-h5/availability?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z'
			)
		).status()
	).toBe(422);
});

test('booking through the API: 401 signed out, 422 for bad input, 403 without training, 201, own bookings only, cancel once', async ({
	request,
	playwright,
	baseURL,
	sessionOf
}) => {
	expect((await request.post('/api/bookings', { data: tripod })).status()).toBe(401);
	expect((await request.get('/api/bookings')).status()).toBe(401);

	const ewen = await signedIn(playwright, String(baseURL), await sessionOf('ewen@example.org'));
	const before = await (await ewen.get('/api/bookings')).json();
	const refusals: [string, unknown, number, string][] = [
		['malformed JSON', '{"equipment": ', 422, 'invalid'],
		['an unknown model', { ...tripod, equipment: 'flux-capacitor' }, 422, 'invalid'],
		['an end before the start', { ...tripod, ...period('12:00', '10:00') }, 422, 'invalid'],
		[
			'absurd dates',
			{ ...tripod, start: '0000-01-01T00:00:00Z', end: '9999-12-31T23:59:59Z' },
			422,
			'invalid'
		],
		['a Sunday', { ...tripod, ...period('10:00', '12:00', nextWeekday(7, 3)) }, 422, 'invalid'],
		[
			'the cinema camera without its training',
			{ ...tripod, equipment: 'sony-fx30-kit' },
			403,
			'training_required'
		]
	];
	for (const [what, data, status, error] of refusals) {
		const response = await ewen.post('/api/bookings', {
			headers: { 'content-type': 'application/json' },
			data: typeof data === 'string' ? Buffer.from(data) : data
		});
		expect(response.status(), what).toBe(status);
		const body = await response.json();
		expect(body.error, what).toBe(error);
		expect(body.message.length, what).toBeGreaterThan(10);
		if (error === 'training_required') expect(body.module.slug).toBe('camera-basics');
	}
	expect(await (await ewen.get('/api/bookings')).json()).toEqual(before);

	const created = await ewen.post('/api/bookings', { data: tripod });
	expect(created.status()).toBe(201);
	const booking = await created.json();
	expect(booking).toMatchObject({
		status: 'confirmed',
		site: 'capucins',
		start: tripod.start,
		end: tripod.end
	});
	expect(booking.units).toHaveLength(1);
	expect((await ewen.get(`/api/bookings/${booking.id}`)).status()).toBe(200);

	const yann = await signedIn(playwright, String(baseURL), await sessionOf('yann@example.org'));
	expect((await yann.get(`/api/bookings/${booking.id}`)).status()).toBe(404);
	expect((await yann.delete(`/api/bookings/${booking.id}`)).status()).toBe(404);
	expect((await yann.get('/api/bookings/not-an-id')).status()).toBe(404);

	const cancelled = await ewen.delete(`/api/bookings/${booking.id}`);
	expect(cancelled.status()).toBe(200);
	expect((await cancelled.json()).status).toBe('cancelled');
	const again = await ewen.delete(`/api/bookings/${booking.id}`);
	expect(again.status()).toBe(409);
	expect((await again.json()).error).toBe('not_cancellable');

	const desk = await signedIn(playwright, String(baseURL), await sessionOf('desk@example.org'));
	expect((await desk.get(`/api/bookings/${booking.id}`)).status()).toBe(200);
	expect((await yann.get('/api/bookings?scope=all')).status()).toBe(403);
	for (const context of [ewen, yann, desk]) await context.dispose();
});
