import { z } from 'zod';

const flag = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
	DATABASE_URL: z.url().optional(),
	DATA_DIR: z.string().default('./data'),
	PGLITE_DIR: z.string().optional(),
	MIGRATIONS_DIR: z.string().default('./drizzle'),
	ORIGIN: z.url().default('http://localhost:3000'),
	BETTER_AUTH_SECRET: z.string().min(32).optional(),
	SMTP_URL: z.url().optional(),
	MAIL_FROM: z.string().default('Portail des communs <no-reply@localhost>'),
	CITY_NAME: z.string().default('Brest'),
	CITY_TIMEZONE: z.string().default('Europe/Paris'),
	BOOKING_ACTIVE_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
	MEDIA_DIR: z.string().optional(),
	PHOTO_MAX_MB: z.coerce.number().int().min(1).max(100).default(15),
	SEED_DEMO: flag.optional(),
	CLOCK_START: z.iso.datetime({ offset: true }).optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

export type Config = ReturnType<typeof readConfig>;

/** Reads the environment once; every setting is documented in `.env.example`. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env) {
	const parsed = environmentSchema.safeParse(
		Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''))
	);
	if (!parsed.success) {
		throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
	}
	const env = parsed.data;
	return {
		databaseUrl: env.DATABASE_URL,
		dataDir: env.DATA_DIR,
		pgliteDir: env.PGLITE_DIR ?? `${env.DATA_DIR}/pglite`,
		migrationsDir: env.MIGRATIONS_DIR,
		origin: env.ORIGIN.replace(/\/$/, ''),
		authSecret: env.BETTER_AUTH_SECRET,
		smtpUrl: env.SMTP_URL,
		mailFrom: env.MAIL_FROM,
		cityName: env.CITY_NAME,
		timeZone: env.CITY_TIMEZONE,
		activeBookingLimit: env.BOOKING_ACTIVE_LIMIT,
		mediaDir: env.MEDIA_DIR ?? `${env.DATA_DIR}/media`,
		photoMaxBytes: env.PHOTO_MAX_MB * 1_000_000,
		// The demo (with its published passwords) only seeds itself on the embedded, local database.
		seedDemo: env.SEED_DEMO ?? !env.DATABASE_URL,
		clockStart: env.CLOCK_START ? new Date(env.CLOCK_START) : undefined,
		logLevel: env.LOG_LEVEL
	};
}

let current: Config | undefined;

export function config(): Config {
	current ??= readConfig();
	return current;
}
