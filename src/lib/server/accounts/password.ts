import { isAPIError } from 'better-auth/api';
import { m } from '$lib/paraglide/messages';
import type { AuthDeps, Caller } from '../auth/flows';
import { withClientAddress } from '../auth/client-address';
import { authorize, type Actor } from '../auth/permissions';
import { InvalidInput, Refused } from '../errors';
import { parseInput } from '../forms';
import { changePasswordSchema } from './schemas';

/** A new password, given the current one; every other device is signed out. */
export async function changePassword(
	{ auth }: AuthDeps,
	caller: Caller,
	actor: Actor | null,
	input: unknown
) {
	authorize(actor, 'account.self');
	const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
	try {
		await auth.api.changePassword({
			body: { currentPassword, newPassword, revokeOtherSessions: true },
			headers: withClientAddress(caller.headers, caller.clientAddress)
		});
	} catch (error) {
		if (!isAPIError(error) || error.statusCode >= 500) throw error;
		if (error.statusCode === 429) throw new Refused('rate_limited', error.message, 429);
		throw new InvalidInput([{ path: 'currentPassword', message: m.password_current_wrong() }]);
	}
}

/** For a lost or shared phone: every session but this one ends. */
export async function signOutOtherDevices({ auth }: AuthDeps, caller: Caller, actor: Actor | null) {
	authorize(actor, 'account.self');
	await auth.api.revokeOtherSessions({ headers: withClientAddress(caller.headers, caller.clientAddress) });
}
