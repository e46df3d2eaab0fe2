import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESK_CLOCK_START } from './tests/e2e/desk-clock';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://localhost:${port}`;
// A brand-new embedded database per run, unless CI points the run at a Postgres server.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'commons-e2e-'));
// The desk's journeys need a day when the sites are open: their own portal, on a clock that starts
// next Tuesday at 10:30 in Brest, with a database of its own.
const deskPort = port + 2;
const deskOrigin = `http://localhost:${deskPort}`;
const deskDataDir = mkdtempSync(join(tmpdir(), 'commons-e2e-desk-'));

const serverEnvironment = {
	LOG_LEVEL: 'warn',
	BETTER_AUTH_SECRET: 'end-to-end-tests-only-secret-0123456789abcdef',
	// On a database server the demo is opt-in; the journeys rely on it.
	SEED_DEMO: 'true',
	// As `npm start` sets it: photos taken at the desk are larger than adapter-node's 512 kB default.
	BODY_SIZE_LIMIT: '41M',
	// Small enough for a journey to try a file over the limit and get the portal's own message.
	AUDIO_MAX_MB: '2',
	VIDEO_MAX_MB: '5',
	// A host that never resolves: journeys answer tile requests themselves (tests/e2e/tiles.ts).
	MAP_TILE_URL: 'https://tiles.invalid/{z}/{x}/{y}.png'
};

export default defineConfig({
	testDir: 'tests/e2e',
	// Playwright empties its output folder on each run; keep it apart from the other reports.
	outputDir: 'test-results/playwright',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	// CI keeps a JSON report so it can prove that nothing was skipped.
	reporter: process.env.CI
		? [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]]
		: 'list',
	use: {
		baseURL: origin,
		...devices['Pixel 7'],
		viewport: { width: 390, height: 844 },
		browserName: 'chromium',
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless=new',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{ name: 'phone', testIgnore: /desk-.*\.spec\.ts/ },
		{
			name: 'desk tablet',
			testMatch: /desk-.*\.spec\.ts/,
			use: { baseURL: deskOrigin, viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true }
		}
	],
	webServer: [
		{
			command: 'node build',
			url: `${origin}/health`,
			reuseExistingServer: false,
			timeout: 120_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				...serverEnvironment,
				PORT: String(port),
				ORIGIN: origin,
				DATA_DIR: dataDir,
				...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {})
			}
		},
		{
			command: 'node build',
			url: `${deskOrigin}/health`,
			reuseExistingServer: false,
			timeout: 120_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				...serverEnvironment,
				PORT: String(deskPort),
				ORIGIN: deskOrigin,
				DATA_DIR: deskDataDir,
				CLOCK_START: DESK_CLOCK_START,
				...(process.env.E2E_DESK_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DESK_DATABASE_URL } : {})
			}
		}
	]
});
