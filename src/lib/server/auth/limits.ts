import type { RateRule } from './rate-limit';

/**
 * How much the sign-in machinery may be used, whether through the portal's forms or better-auth's
 * HTTP endpoints (both pass the same guard). Generous per network address, because a library or a
 * neighbourhood house puts many residents behind one; strict per account and per mailbox.
 */
export const authLimits = {
	/** Every sign-in, link, reset or sign-up request from one address. */
	attemptsPerAddress: { window: 300, max: 60 },
	/** Wrong passwords for one account; a magic link still lets its owner in. */
	failedPasswordsPerAccount: { window: 900, max: 10 },
	/** Sign-in links and reset mails to one mailbox, so nobody can flood it. */
	mailsPerRecipient: { window: 3600, max: 5 },
	signUpsPerAddress: { window: 3600, max: 30 }
} as const satisfies Record<string, RateRule>;

export const limitKeys = {
	address: (address: string) => `auth:address:${address}`,
	failedPasswords: (email: string) => `auth:failed-password:${email}`,
	mails: (email: string) => `auth:mail:${email}`,
	signUps: (address: string) => `auth:sign-up:${address}`
};
