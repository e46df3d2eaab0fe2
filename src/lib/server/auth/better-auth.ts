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
import { consume } from './rate-limit';

export type AuthSettings = {
	origin: string;
	secret: string;
	cityName: string;
	secureCookies: boolean;
	/** sveltekitCookies in the app; absent in tests that call the API directly. */
	cookiePlugin?: BetterAuthPlugin;
};

/** The header the portal itself sets from the socket address; any client-sent value is replaced. */
export const CLIENT_ADDRESS_HEADER = 'x-commons-client-address';

export function createAuth(db: Database, mailer: Mailer, settings: AuthSettings) {
	const mail = authMail(db, mailer, settings);
	return betterAuth({
		appName: `Portail des communs – ${settings.cityName}`,
		baseURL: settings.origin,
		secret: settings.secret,
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: { user, session, account, verification }
		}),
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
			cookiePrefix: 'commons'
		},
		telemetry: { enabled: false },
		// Failed sign-ins are routine, not warnings: they go to the JSON log at debug level.
		logger: {
			level: 'debug',
			log: (level, message, ...details) => {
				const target = level === 'error' ? 'error' : 'debug';
				log[target]({ details: details.length > 0 ? details : undefined }, `better-auth: ${message}`);
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
