import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://localhost:${port}`;
// A brand-new embedded database per run, unless CI points the run at a Postgres server.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'commons-e2e-'));

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
	webServer: {
		command: 'node build',
		url: `${origin}/health`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			ORIGIN: origin,
			DATA_DIR: dataDir,
			LOG_LEVEL: 'warn',
			BETTER_AUTH_SECRET: 'end-to-end-tests-only-secret-0123456789abcdef',
			// On a database server the demo is opt-in; the journeys rely on it.
			SEED_DEMO: 'true',
			...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {})
		}
	}
});
