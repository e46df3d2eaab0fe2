import { z } from 'zod';

// What the lending API answers, as zod schemas: /api/openapi.json is generated from them, the
// compiler holds them to the code's own types (openapi.test.ts), and the end-to-end journeys
// parse real answers with them. No $lib imports here, so Playwright can load this file too.

const instant = z.iso.datetime({ offset: true });
const slug = z.string().meta({ description: 'A slug: lower-case letters, digits and hyphens' });
const count = z.int().min(0);

export const bookingStatusSchema = z
	.enum(['requested', 'confirmed', 'checked_out', 'returned', 'cancelled', 'rejected', 'no_show'])
	.meta({
		description:
			'requested (waiting for staff approval) → confirmed → checked_out → returned; or cancelled (by the resident before pick-up), rejected (by staff), no_show'
	});

export const catalogueItemSchema = z.strictObject({
	slug,
	kind: z.enum(['model', 'kit']),
	name: z.string().meta({ description: "In the request's language (French when there is no English)" }),
	category: slug,
	total: count.meta({ description: 'Units in service (a kit: how many whole kits can be made)' }),
	available: count
		.nullable()
		.meta({ description: 'Free for the whole period when `from` and `to` are given; null otherwise' }),
	approvalRequired: z.boolean(),
	trainingRequired: z.boolean(),
	sites: z.array(z.strictObject({ slug, name: z.string(), total: count, available: count.nullable() }))
});

export const availabilitySchema = z.strictObject({
	equipment: slug,
	from: instant,
	to: instant,
	sites: z.array(
		z.strictObject({
			site: z.strictObject({ slug, name: z.string(), address: z.string() }),
			total: count,
			periods: z
				.array(
					z.strictObject({
						start: instant,
						end: instant,
						available: count.meta({ description: 'Free units (buffers after each loan count as busy)' }),
						state: z.enum(['free', 'busy'])
					})
				)
				.meta({ description: 'Contiguous steps covering [from, to)' })
		})
	)
});

const units = z.array(z.strictObject({ assetTag: z.string() }));

export const createdBookingSchema = z.strictObject({
	id: z.uuid(),
	code: z.string().meta({ description: 'The six-letter code to give at the desk' }),
	status: bookingStatusSchema,
	start: instant,
	end: instant,
	site: slug,
	equipment: slug,
	units: units.meta({ description: 'The units held for this booking (a kit holds one of each model)' })
});

export const bookingSchema = z.strictObject({
	...createdBookingSchema.shape,
	kind: z.enum(['model', 'kit']),
	note: z.string().nullable(),
	overdue: z.boolean().meta({ description: 'Checked out and past its end' }),
	createdAt: instant
});

export const alternativesSchema = z.strictObject({
	otherSites: z
		.array(z.strictObject({ site: slug, name: z.string(), available: count }))
		.meta({ description: 'The same item for the same period at other sites' }),
	otherPeriods: z
		.array(z.strictObject({ start: instant, end: instant }))
		.meta({ description: 'The same item at the same site on the nearest days, at the same times' })
});
