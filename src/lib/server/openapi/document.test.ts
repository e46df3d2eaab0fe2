import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { CreatedBooking } from '../lending/create-booking';
import type { bookingJson } from '../lending/booking-json';
import type { BookingStatus } from '../lending/bookings.table';
import { bookingSchema, bookingStatusSchema, createdBookingSchema } from '../lending/responses';
import { bookingRequestSchema } from '../lending/schemas';
import { openApiDocument } from './document';
import { requestSchema, type Json } from './schema';

const document = openApiDocument({ origin: 'https://portal.example', cityName: 'Brest' });
const components = (document.components as { schemas: Record<string, Json> }).schemas;

/** Every `$ref` in a piece of JSON, wherever it sits. */
function refsIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(refsIn);
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) =>
		key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)
	);
}

function resolve(pointer: string): unknown {
	expect(pointer.startsWith('#/'), pointer).toBe(true);
	return pointer
		.slice(2)
		.split('/')
		.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

describe('/api/openapi.json', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const validator = new Validator();
		const result = await validator.validate(document);
		expect(result.errors).toBeUndefined();
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
	});

	it('describes every endpoint of the contract, on the configured origin', () => {
		const operations = Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
			Object.keys(item)
				.filter((method) => method !== 'parameters')
				.map((method) => `${method.toUpperCase()} ${path}`)
		);
		expect(operations.sort()).toEqual(
			[
				'GET /health',
				'GET /api/equipment',
				'GET /api/equipment/{slug}/availability',
				'POST /api/bookings',
				'GET /api/bookings',
				'GET /api/bookings/{id}',
				'DELETE /api/bookings/{id}',
				'GET /calendar/{token}.ics',
				'GET /api/trails.geojson',
				'GET /api/trails/{slug}.geojson',
				'GET /api/trails/{slug}.gpx',
				'GET /api/register.json',
				'GET /api/register.csv',
				'POST /api/auth/sign-in/email'
			].sort()
		);
		expect(document.servers).toEqual([{ url: 'https://portal.example' }]);
		expect(document).toMatchObject({
			openapi: expect.stringMatching(/^3\.1\.\d+$/),
			info: { license: { identifier: 'etalab-2.0' } },
			components: { securitySchemes: { session: { in: 'cookie', name: '__Secure-commons.session_token' } } }
		});
	});

	it('resolves every $ref', () => {
		const refs = refsIn(document);
		expect(refs.length).toBeGreaterThan(10);
		for (const pointer of new Set(refs)) expect(resolve(pointer), pointer).toBeTypeOf('object');
	});

	it('takes the booking request from the zod schema that validates it', () => {
		const described = components.BookingRequest as { properties: Record<string, Json>; required: string[] };
		expect(described.required.sort()).toEqual(['end', 'equipment', 'site', 'start']);
		expect(described.properties.start).toMatchObject({ type: 'string', format: 'date-time' });
		expect(described.properties.note).toMatchObject({ type: 'string', maxLength: 500 });
		// The same fields as zod's own conversion, so a field added to the schema shows up here.
		const raw = z.toJSONSchema(bookingRequestSchema, { io: 'input' }) as typeof described;
		expect(Object.keys(described.properties)).toEqual(Object.keys(raw.properties));
		expect(requestSchema(bookingRequestSchema.extend({ purpose: z.string() }))).toMatchObject({
			properties: { purpose: { type: 'string' } },
			required: expect.arrayContaining(['purpose'])
		});
	});

	it('documents query parameters from their zod schemas', () => {
		const catalogue = (document.paths as Record<string, { get: { parameters: { name: string }[] } }>)[
			'/api/equipment'
		];
		expect(catalogue?.get.parameters.map((parameter) => parameter.name)).toEqual([
			'q',
			'category',
			'site',
			'from',
			'to'
		]);
	});

	it('describes exactly the shapes the code answers', () => {
		// Checked by the compiler (npm run check): a field added on one side and not the other fails.
		expectTypeOf<z.output<typeof bookingSchema>>().toEqualTypeOf<ReturnType<typeof bookingJson>>();
		expectTypeOf<z.output<typeof createdBookingSchema>>().toEqualTypeOf<CreatedBooking>();
		expectTypeOf<z.output<typeof bookingStatusSchema>>().toEqualTypeOf<BookingStatus>();
		expect(bookingStatusSchema.options).toContain('no_show');
	});
});
