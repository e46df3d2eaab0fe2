import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins/magic-link';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../accounts/password-rules';
import type { Database } from '../db/client';
import { log } from '../log';
import type { Mailer } from '../mail/mailer';
import { account, session, user, verification } from './auth.table';
import { authMail } from './auth-mail';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { authGuard } from './guard';
import { consume } from './rate-limit';

/** better-auth's cookies are named `commons.*` (`__Secure-commons.*` over https). */
export const COOKIE_PREFIX = 'commons';

export type AuthSettings = {
	origin: string;
	secret: string;
	cityName: string;
	secureCookies: boolean;
	/** sveltekitCookies in the app; absent in tests that call the API directly. */
	cookiePlugin?: BetterAuthPlugin;
};

/**
 * better-auth endpoints the portal does not offer: profile changes go through /account (and its
 * validation), there is no social sign-in, no email change and no self-service deletion outside
 * the confirmed form.
 */
const DISABLED_PATHS = [
	'/update-user',
	'/update-session',
	'/change-email',
	'/delete-user',
	'/delete-user/callback',
	'/sign-in/social',
	'/callback/:id',
	'/link-social',
	'/unlink-account',
	'/list-accounts',
	'/account-info',
	'/get-access-token',
	'/refresh-token',
	'/send-verification-email',
	'/verify-email',
	'/verify-password'
];

export function createAuth(db: Database, mailer: Mailer, settings: AuthSettings) {
	const mail = authMail(db, mailer, settings);
	return betterAuth({
		appName: `Portail des communs – ${settings.cityName}`,
		baseURL: settings.origin,
		secret: settings.secret,
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: { user, session, account, verification },
			// A person and their password land together, or not at all.
			transaction: true
		}),
		disabledPaths: DISABLED_PATHS,
		hooks: authGuard(db),
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: PASSWORD_MAX_LENGTH,
			resetPasswordTokenExpiresIn: 60 * 60,
			revokeSessionsOnPasswordReset: true,
			sendResetPassword: ({ user: person, url }) => mail.passwordReset(person, url).then(() => {})
		},
		user: {
			additionalFields: {
				locale: {
					type: 'string',
					required: false,
					defaultValue: 'fr',
					input: true,
					validator: { input: z.enum(['fr', 'en']) }
				},
				notifyReminders: { type: 'boolean', required: false, defaultValue: true, input: false },
				notifyWaitlist: { type: 'boolean', required: false, defaultValue: true, input: false },
				notifyApplications: { type: 'boolean', required: false, defaultValue: true, input: false }
			}
		},
		session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
		// better-auth's own limits (3 sign-ins per 10 s per address…) on top of the guard's, same store.
		rateLimit: {
			enabled: true,
			window: 60,
			max: 100,
			customStorage: { consume: (key, rule) => consume(db, key, rule) }
		},
		advanced: {
			database: { generateId: 'uuid' },
			ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
			useSecureCookies: settings.secureCookies,
			cookiePrefix: COOKIE_PREFIX
		},
		telemetry: { enabled: false },
		// Failed sign-ins are routine, not warnings; details (which may name people) only at debug.
		logger: {
			level: 'debug',
			log: (level, message, ...details) => {
				if (level === 'error') log.error(`better-auth: ${message}`);
				log.debug({ details: details.length > 0 ? details : undefined }, `better-auth: ${message}`);
			}
		},
		plugins: [
			magicLink({
				expiresIn: 15 * 60,
				disableSignUp: true,
				storeToken: 'hashed',
				sendMagicLink: ({ email, url }) => mail.magicLink(email, url)
			}),
			...(settings.cookiePlugin ? [settings.cookiePlugin] : [])
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
