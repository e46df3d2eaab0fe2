import { z } from 'zod';
import {
	answer,
	failures,
	jsonContent,
	queryParameters,
	ref,
	requestSchema,
	responseSchema,
	type ApiSection
} from '../openapi/schema';
import { catalogueFiltersSchema } from './catalogue-query';
import { MAX_AVAILABILITY_DAYS } from './detail';
import {
	alternativesSchema,
	availabilitySchema,
	bookingSchema,
	catalogueItemSchema,
	createdBookingSchema
} from './responses';
import { bookingRequestSchema, periodQuerySchema } from './schemas';

const signedIn = [{ session: [] }];
const period = queryParameters(periodQuerySchema, {
	from: 'Start of the period (ISO 8601 with an offset); give `to` with it',
	to: 'End of the period, after `from`'
});

const TrainingRequiredError = z.strictObject({
	error: z.literal('training_required'),
	message: z.string(),
	module: z.strictObject({ slug: z.string(), title: z.string() })
});
const UnavailableError = z.strictObject({
	error: z.literal('unavailable'),
	message: z.string(),
	alternatives: alternativesSchema
});

const idParameter = {
	name: 'id',
	in: 'path',
	required: true,
	schema: { type: 'string', format: 'uuid' }
};

/** The lending part of /api/openapi.json: catalogue, availability and bookings. */
export function lendingApi(): ApiSection {
	return {
		schemas: {
			CatalogueItem: responseSchema(catalogueItemSchema),
			Availability: responseSchema(availabilitySchema),
			BookingRequest: requestSchema(bookingRequestSchema),
			CreatedBooking: responseSchema(createdBookingSchema),
			Booking: responseSchema(bookingSchema),
			TrainingRequiredError: responseSchema(TrainingRequiredError),
			UnavailableError: responseSchema(UnavailableError)
		},
		paths: {
			'/api/equipment': {
				get: {
					operationId: 'listEquipment',
					tags: ['lending'],
					summary: 'The catalogue: models and kits, with sites, counts and what is free',
					description:
						'Search ignores accents and case, in French and English. With `from` and `to`, `available` counts what is free for the whole period, turnaround buffers included.',
					parameters: [
						...queryParameters(catalogueFiltersSchema, {
							q: 'Words to search for in names, descriptions and categories',
							category: 'A category slug (sound, image, light, projection, events)',
							site: 'A site slug: only units at that site are counted'
						}),
						...period
					],
					responses: {
						200: {
							description: 'Matching models and kits',
							content: jsonContent({ type: 'array', items: ref('CatalogueItem') })
						},
						422: failures[422]
					}
				}
			},
			'/api/equipment/{slug}/availability': {
				get: {
					operationId: 'equipmentAvailability',
					tags: ['lending'],
					summary: 'Free and busy periods per site',
					description: `Without a period: the next 28 days. At most ${MAX_AVAILABILITY_DAYS} days at once.`,
					parameters: [
						{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
						...period,
						{
							name: 'site',
							in: 'query',
							required: false,
							description: 'Only this site (a slug)',
							schema: { type: 'string' }
						}
					],
					responses: {
						200: answer('Periods per site lending this item', 'Availability'),
						404: failures[404],
						422: failures[422]
					}
				}
			},
			'/api/bookings': {
				get: {
					operationId: 'listBookings',
					tags: ['bookings'],
					summary: "One's own bookings (soonest first), or everyone's for desk staff and admins",
					security: signedIn,
					parameters: [
						{
							name: 'scope',
							in: 'query',
							required: false,
							description: '`all` (most recent first) is for desk staff and admins only',
							schema: { type: 'string', enum: ['mine', 'all'], default: 'mine' }
						}
					],
					responses: {
						200: {
							description: 'Bookings',
							content: jsonContent({ type: 'array', items: ref('Booking') })
						},
						401: failures[401],
						403: failures[403]
					}
				},
				post: {
					operationId: 'createBooking',
					tags: ['bookings'],
					summary: 'Book a model or a kit at a site',
					description:
						'A free unit of each model is held at once, or nothing is. Pick-up and return must fall within the opening hours of the site, within the length and advance limits of the item, and the item may need a training module or staff approval (the booking is then `requested`). Group and project fields are accepted in the contract but refused until groups and projects exist.',
					security: signedIn,
					requestBody: { required: true, content: jsonContent(ref('BookingRequest')) },
					responses: {
						201: {
							...answer('Booked', 'CreatedBooking'),
							headers: {
								Location: { description: 'The new booking', schema: { type: 'string' } }
							}
						},
						401: failures[401],
						403: answer('The item requires a training module not yet completed', 'TrainingRequiredError'),
						409: answer(
							'No longer available (`unavailable`, with alternatives), or the limit of active bookings reached (`active_limit`)',
							'UnavailableError',
							'Error'
						),
						422: failures[422]
					}
				}
			},
			'/api/bookings/{id}': {
				parameters: [idParameter],
				get: {
					operationId: 'getBooking',
					tags: ['bookings'],
					summary: 'One booking (someone else’s is 404 unless you are staff)',
					security: signedIn,
					responses: { 200: answer('The booking', 'Booking'), 401: failures[401], 404: failures[404] }
				},
				delete: {
					operationId: 'cancelBooking',
					tags: ['bookings'],
					summary: 'Cancel a booking before pick-up',
					security: signedIn,
					responses: {
						200: answer('The cancelled booking', 'Booking'),
						401: failures[401],
						403: failures[403],
						404: failures[404],
						409: answer('Already picked up, returned or cancelled (`not_cancellable`)', 'Error')
					}
				}
			}
		}
	};
}
