import { isAPIError } from 'better-auth/api';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { magicLinkSchema, resetPasswordSchema, signInSchema, signUpSchema } from '../accounts/schemas';
import type { Database } from '../db/client';
import { InvalidInput, Refused } from '../errors';
import { parseInput } from '../forms';
import { CLIENT_ADDRESS_HEADER, type Auth } from './better-auth';
import { consume, signInRules, type RateRule } from './rate-limit';

export type AuthDeps = { db: Database; auth: Auth };
export type Caller = { headers: Headers; clientAddress: string };

/** better-auth reads the client's address from a header that only the portal sets. */
function headersOf(caller: Caller): Headers {
	const headers = new Headers(caller.headers);
	headers.set(CLIENT_ADDRESS_HEADER, caller.clientAddress);
	return headers;
}

async function throttle(db: Database, keys: [string, RateRule][]) {
	for (const [key, rule] of keys) {
		const decision = await consume(db, key, rule);
		if (!decision.allowed) {
			const minutes = Math.max(1, Math.ceil((decision.retryAfter ?? rule.window) / 60));
			throw new Refused('rate_limited', m.auth_rate_limited({ minutes }));
		}
	}
}

const throttleSignIn = (db: Database, caller: Caller, email: string) =>
	throttle(db, [
		[`sign-in:address:${caller.clientAddress}`, signInRules.perAddress],
		[`sign-in:email:${email}`, signInRules.perEmail]
	]);

export async function signInWithPassword({ db, auth }: AuthDeps, caller: Caller, input: unknown) {
	const { email, password } = parseInput(signInSchema, input);
	await throttleSignIn(db, caller, email);
	try {
		await auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers: headersOf(caller) });
	} catch (error) {
		if (isAPIError(error) && error.statusCode < 500) {
			throw new Refused('invalid_credentials', m.auth_invalid_credentials());
		}
		throw error;
	}
}

/** Always answers the same way, whether or not the address has an account. */
export async function requestMagicLink(
	{ db, auth }: AuthDeps,
	caller: Caller,
	input: unknown,
	returnTo: string
) {
	const { email } = parseInput(magicLinkSchema, input);
	await throttleSignIn(db, caller, email);
	await auth.api.signInMagicLink({
		body: { email, callbackURL: returnTo, errorCallbackURL: '/login?link=expired' },
		headers: headersOf(caller)
	});
}

export async function signUp({ db, auth }: AuthDeps, caller: Caller, input: unknown, locale: Locale) {
	const { name, email, password } = parseInput(signUpSchema, input);
	await throttle(db, [[`sign-up:address:${caller.clientAddress}`, { window: 3600, max: 10 }]]);
	try {
		await auth.api.signUpEmail({ body: { name, email, password, locale }, headers: headersOf(caller) });
	} catch (error) {
		if (isAPIError(error) && error.body?.code?.startsWith('USER_ALREADY_EXISTS')) {
			throw new InvalidInput([{ path: 'email', message: m.signup_email_taken() }]);
		}
		throw error;
	}
}

export async function requestPasswordReset({ db, auth }: AuthDeps, caller: Caller, input: unknown) {
	const { email } = parseInput(magicLinkSchema, input);
	await throttle(db, [[`reset:address:${caller.clientAddress}`, { window: 900, max: 10 }]]);
	await auth.api.requestPasswordReset({
		body: { email, redirectTo: '/reset-password' },
		headers: headersOf(caller)
	});
}

export async function resetPassword({ auth }: AuthDeps, caller: Caller, input: unknown) {
	const { token, password } = parseInput(resetPasswordSchema, input);
	try {
		await auth.api.resetPassword({ body: { token, newPassword: password }, headers: headersOf(caller) });
	} catch (error) {
		if (isAPIError(error) && error.statusCode < 500) {
			throw new Refused('invalid_token', m.reset_link_invalid());
		}
		throw error;
	}
}

export async function signOut({ auth }: AuthDeps, caller: Caller) {
	await auth.api.signOut({ headers: headersOf(caller) });
}
