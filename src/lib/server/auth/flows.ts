import { isAPIError } from 'better-auth/api';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { emailOnlySchema, resetPasswordSchema, signInSchema, signUpSchema } from '../accounts/schemas';
import { InvalidInput, Refused } from '../errors';
import { parseInput } from '../forms';
import type { Auth } from './better-auth';
import { withClientAddress } from './client-address';

export type AuthDeps = { auth: Auth };
export type Caller = { headers: Headers; clientAddress: string };

/**
 * Runs a better-auth call for a form. The forms parse their input first (for messages next to
 * each field); the limits are enforced by the guard inside better-auth, for the HTTP API too.
 */
async function call<T>(run: () => Promise<T>, refusal?: Refused): Promise<T> {
	try {
		return await run();
	} catch (error) {
		if (!isAPIError(error) || error.statusCode >= 500) throw error;
		if (error.statusCode === 429) throw new Refused('rate_limited', error.message, 429);
		if (refusal) throw refusal;
		throw error;
	}
}

export async function signInWithPassword({ auth }: AuthDeps, caller: Caller, input: unknown) {
	const { email, password } = parseInput(signInSchema, input);
	const headers = withClientAddress(caller.headers, caller.clientAddress);
	await call(
		() => auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers }),
		new Refused('invalid_credentials', m.auth_invalid_credentials(), 400)
	);
}

/** Always answers the same way, whether or not the address has an account. */
export async function requestMagicLink({ auth }: AuthDeps, caller: Caller, input: unknown, returnTo: string) {
	const { email } = parseInput(emailOnlySchema, input);
	const headers = withClientAddress(caller.headers, caller.clientAddress);
	await call(() =>
		auth.api.signInMagicLink({
			body: { email, callbackURL: returnTo, errorCallbackURL: '/login?link=expired' },
			headers
		})
	);
}

export async function signUp({ auth }: AuthDeps, caller: Caller, input: unknown, locale: Locale) {
	const { name, email, password } = parseInput(signUpSchema, input);
	const headers = withClientAddress(caller.headers, caller.clientAddress);
	try {
		await call(() => auth.api.signUpEmail({ body: { name, email, password, locale }, headers }));
	} catch (error) {
		if (isAPIError(error) && error.body?.code?.startsWith('USER_ALREADY_EXISTS')) {
			throw new InvalidInput([{ path: 'email', message: m.signup_email_taken() }]);
		}
		throw error;
	}
}

/** Like the magic link: the same answer for every address. */
export async function requestPasswordReset({ auth }: AuthDeps, caller: Caller, input: unknown) {
	const { email } = parseInput(emailOnlySchema, input);
	const headers = withClientAddress(caller.headers, caller.clientAddress);
	await call(() =>
		auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' }, headers })
	);
}

export async function resetPassword({ auth }: AuthDeps, caller: Caller, input: unknown) {
	const { token, password } = parseInput(resetPasswordSchema, input);
	const headers = withClientAddress(caller.headers, caller.clientAddress);
	await call(
		() => auth.api.resetPassword({ body: { token, newPassword: password }, headers }),
		new Refused('invalid_token', m.reset_link_invalid(), 400)
	);
}

export async function signOut({ auth }: AuthDeps, caller: Caller) {
	await auth.api.signOut({ headers: withClientAddress(caller.headers, caller.clientAddress) });
}
