import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { loadEnv } from './scripts/load-env.js';

// `npm run dev` reads .env like `npm start` does; tests set their own environment.
if (!process.env.VITEST) {
	loadEnv();
	process.env.ORIGIN ??= 'http://localhost:5173';
}

export default defineConfig({
	plugins: [
		sveltekit(),
		// Tests use the messages compiled by `npm run i18n` (the plugin's file watchers keep vitest alive).
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['custom-account', 'cookie', 'preferredLanguage', 'baseLocale']
					})
				])
	],
	server: { port: 5173, strictPort: true },
	test: {
		expect: { requireAssertions: true },
		// CI keeps a JSON report so it can prove that nothing was skipped.
		reporters: process.env.CI
			? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
			: ['default'],
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/*.test.ts', 'tests/integration/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					setupFiles: ['tests/integration/setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: './vite.config.ts',
				resolve: { conditions: ['browser'] },
				test: {
					name: 'components',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['tests/components/setup.ts']
				}
			}
		]
	}
});
