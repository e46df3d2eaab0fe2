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
	DEMO_MEDIA_DIR: z.string().default('src/lib/server/db/seed/trail-media'),
	PHOTO_MAX_MB: z.coerce.number().int().min(1).max(100).default(15),
	AUDIO_MAX_MB: z.coerce.number().int().min(1).max(500).default(40),
	VIDEO_MAX_MB: z.coerce.number().int().min(1).max(2000).default(200),
	ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
	MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
	MAP_TILE_ATTRIBUTION: z
		.string()
		.default('© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
	MAP_TILES_OWNED: flag.default(false),
	MAP_CENTER: z
		.string()
		.regex(/^-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?$/)
		.default('48.3904,-4.4861'),
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
		demoMediaDir: env.DEMO_MEDIA_DIR,
		photoMaxBytes: env.PHOTO_MAX_MB * 1_000_000,
		attachmentMaxBytes: env.ATTACHMENT_MAX_MB * 1_000_000,
		mediaLimits: {
			photo: env.PHOTO_MAX_MB * 1_000_000,
			audio: env.AUDIO_MAX_MB * 1_000_000,
			video: env.VIDEO_MAX_MB * 1_000_000
		},
		map: {
			tileUrl: env.MAP_TILE_URL,
			attribution: env.MAP_TILE_ATTRIBUTION,
			// Bulk download of tiles is only fair to a tile server the city runs itself.
			tilesOwned: env.MAP_TILES_OWNED,
			center: env.MAP_CENTER.split(',').map(Number) as [lat: number, lng: number]
		},
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
