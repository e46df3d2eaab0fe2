import { z } from 'zod';
import { signInSchema } from '../accounts/schemas';
import { COOKIE_PREFIX } from '../auth/better-auth';
import { authLimits } from '../auth/limits';
import { registerApi } from '../institutes/register/openapi';
import { lendingApi } from '../lending/openapi';
import { trailsApi } from '../trails/openapi';
import {
	answer,
	errorComponents,
	jsonContent,
	ref,
	requestSchema,
	responseSchema,
	type ApiSection,
	type Json
} from './schema';

export const API_VERSION = '1.0.0';

/** The licence of the data the API serves (machine-readable: its SPDX identifier). */
export const DATA_LICENCE = {
	name: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
	identifier: 'etalab-2.0'
};

const minutes = (seconds: number) => seconds / 60;
const { attemptsPerAddress, failedPasswordsPerAccount } = authLimits;

// better-auth's sign-in: the portal validates its body with the same schema as the sign-in form.
const signInRequest = signInSchema.extend({
	rememberMe: z.boolean().optional().meta({ description: 'false: a session that ends with the browser' }),
	callbackURL: z.string().optional()
});
const signInAnswer = z.object({
	redirect: z.boolean(),
	token: z.string().meta({ description: 'The session (send the cookie, not this, with later requests)' }),
	url: z.string().optional(),
	user: z.looseObject({ id: z.uuid(), email: z.string(), name: z.string() })
});
const authError = z.looseObject({
	code: z
		.string()
		.optional()
		.meta({ description: 'INVALID_INPUT, INVALID_EMAIL_OR_PASSWORD, RATE_LIMITED, …' }),
	message: z.string()
});

function portalApi(sessionCookie: string): ApiSection {
	return {
		schemas: {
			SignInRequest: requestSchema(signInRequest),
			SignInAnswer: responseSchema(signInAnswer),
			AuthError: responseSchema(authError)
		},
		paths: {
			'/health': {
				get: {
					operationId: 'health',
					tags: ['service'],
					summary: 'Whether the portal and its database answer',
					responses: {
						200: {
							description: 'The database answers',
							content: jsonContent({ type: 'object', properties: { status: { const: 'ok' } } })
						},
						503: {
							description: 'The database does not answer',
							content: jsonContent({ type: 'object', properties: { status: { const: 'unavailable' } } })
						}
					}
				}
			},
			'/api/auth/sign-in/email': {
				post: {
					operationId: 'signIn',
					tags: ['accounts'],
					summary: 'Sign in with email and password (better-auth)',
					description: `Sets the session cookie \`${sessionCookie}\`, which signed-in endpoints read. At most ${attemptsPerAddress.max} sign-in, link, reset or sign-up requests per ${minutes(attemptsPerAddress.window)} minutes from one network address, and ${failedPasswordsPerAccount.max} wrong passwords per ${minutes(failedPasswordsPerAccount.window)} minutes for one account.`,
					requestBody: { required: true, content: jsonContent(ref('SignInRequest')) },
					responses: {
						200: {
							...answer('Signed in', 'SignInAnswer'),
							headers: {
								'Set-Cookie': { description: 'The session cookie', schema: { type: 'string' } }
							}
						},
						400: answer('Malformed input (`INVALID_INPUT`)', 'AuthError'),
						401: answer('Wrong email or password', 'AuthError'),
						403: answer('A request from another site, refused', 'AuthError'),
						429: answer('Too many attempts; the message says when to try again', 'AuthError')
					}
				}
			},
			'/calendar/{token}.ics': {
				get: {
					operationId: 'bookingCalendar',
					tags: ['bookings'],
					summary: "A person's bookings as a calendar (RFC 5545)",
					description:
						'The secret address is shown on My bookings and can be replaced there at any time; whoever has it can read the feed, so no session is needed. One event per booking; cancelled ones are marked so.',
					parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
					responses: {
						200: {
							description: 'The calendar',
							content: { 'text/calendar': { schema: { type: 'string' } } }
						},
						404: { description: 'No calendar at this address (replaced, or never existed)' }
					}
				}
			}
		}
	};
}

/** The OpenAPI 3.1 description of the API that exists today, served at /api/openapi.json. */
export function openApiDocument(settings: { origin: string; cityName: string }): Json {
	const sessionCookie = `${settings.origin.startsWith('https:') ? '__Secure-' : ''}${COOKIE_PREFIX}.session_token`;
	const sections = [portalApi(sessionCookie), lendingApi(), trailsApi(), registerApi()];
	return {
		openapi: '3.1.1',
		info: {
			title: `Commons Portal API – ${settings.cityName}`,
			version: API_VERSION,
			summary: 'Shared equipment: catalogue, availability and bookings; commons trails as open data',
			description:
				"JSON answers; refusals are `{error, message}` with a stable `error` code and a `message` in the request's language (the account's, else the language cookie, else Accept-Language, else French). The data is published under the Licence Ouverte / Open Licence 2.0; what residents publish carries its own Creative Commons licence, stated with each item.",
			license: DATA_LICENCE
		},
		servers: [{ url: settings.origin }],
		tags: [
			{ name: 'lending', description: 'Catalogue and availability (public)' },
			{ name: 'bookings', description: "A signed-in resident's bookings" },
			{ name: 'trails', description: 'Published commons trails (open data, public)' },
			{
				name: 'register',
				description: "The institutes' public register and hash-chained ledger (open data, public)"
			},
			{ name: 'accounts', description: 'Sessions (better-auth)' },
			{ name: 'service', description: 'Operations' }
		],
		paths: Object.assign({}, ...sections.map((section) => section.paths)),
		components: {
			schemas: Object.assign(errorComponents(), ...sections.map((section) => section.schemas)),
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: sessionCookie,
					description: 'The session cookie set by POST /api/auth/sign-in/email'
				}
			}
		}
	};
}
