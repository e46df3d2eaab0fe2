// `npm run perf`: builds if needed, serves the build on a fresh embedded database, then measures
// what a phone downloads on first load of each public page and how fast the server answers under
// a little concurrency. Prints the figures and fails when one exceeds tests/perf/budgets.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIfStale } from '../../scripts/build-if-stale.js';

const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
const PAGES = [
	'/',
	'/equipment',
	'/trails',
	'/institutes',
	'/programmes/commons-prize-2027',
	'/register',
	'/login',
	'/signup'
];
const PORT = Number(process.env.PERF_PORT ?? 4180);
const origin = `http://127.0.0.1:${PORT}`;

buildIfStale();
const dataDir = mkdtempSync(join(tmpdir(), 'commons-perf-'));
const server = spawn(process.execPath, ['build/index.js'], {
	env: {
		...process.env,
		PORT: String(PORT),
		ORIGIN: origin,
		DATA_DIR: dataDir,
		LOG_LEVEL: 'warn',
		NODE_ENV: 'production'
	},
	stdio: ['ignore', process.env.PERF_SERVER_LOG ? 'inherit' : 'ignore', 'inherit']
});

/** @type {string[]} */
const failures = [];
try {
	await waitForHealth();
	reportBundles(await measureBundles());
	reportLatency(await measureLatency());
} finally {
	server.kill();
	rmSync(dataDir, { recursive: true, force: true });
}
if (failures.length > 0) {
	console.error(`\nOver budget:\n- ${failures.join('\n- ')}`);
	process.exit(1);
}
console.log('\nAll performance budgets met.');

async function waitForHealth() {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		try {
			if ((await fetch(`${origin}/health`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('the server did not become healthy');
}

/** @param {string} path */
function gzipKb(path) {
	return gzipSync(readFileSync(path)).length / 1024;
}

async function measureBundles() {
	const rows = [];
	for (const page of PAGES) {
		const response = await fetch(origin + page);
		const html = await response.text();
		// SvelteKit announces the modules a page needs in a Link header and links its styles in the HTML.
		const preloads = [...(response.headers.get('link') ?? '').matchAll(/<([^>]+)>/g)].map(
			(match) => match[1]
		);
		const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map(
			(tag) => tag[0].match(/href="([^"]+)"/)?.[1]
		);
		const assets = [
			...new Set(
				[...preloads, ...styles]
					.filter((href) => typeof href === 'string')
					.map((href) => new URL(href, origin + page).pathname)
			)
		];
		const js = assets
			.filter((path) => path.endsWith('.js'))
			.reduce((sum, path) => sum + gzipKb(`build/client${path}`), 0);
		const css = assets
			.filter((path) => path.endsWith('.css'))
			.reduce((sum, path) => sum + gzipKb(`build/client${path}`), 0);
		rows.push({ page, js, css });
	}
	return { rows, serviceWorker: gzipKb('build/client/service-worker.js') };
}

/** @param {{ rows: { page: string; js: number; css: number }[]; serviceWorker: number }} measured */
function reportBundles({ rows, serviceWorker }) {
	console.log('First load on a phone (gzip):');
	for (const { page, js, css } of rows) {
		console.log(
			`  ${page.padEnd(12)} JS ${js.toFixed(1).padStart(5)} kB   CSS ${css.toFixed(1).padStart(4)} kB`
		);
		if (js > budgets.firstLoadJsGzipKb)
			failures.push(`${page}: ${js.toFixed(1)} kB of JS > ${budgets.firstLoadJsGzipKb} kB`);
		if (css > budgets.firstLoadCssGzipKb)
			failures.push(`${page}: ${css.toFixed(1)} kB of CSS > ${budgets.firstLoadCssGzipKb} kB`);
	}
	console.log(`  service worker ${serviceWorker.toFixed(1)} kB`);
	if (serviceWorker > budgets.serviceWorkerGzipKb)
		failures.push(`service worker ${serviceWorker.toFixed(1)} kB > ${budgets.serviceWorkerGzipKb} kB`);
}

async function measureLatency() {
	const results = [];
	for (const path of Object.keys(budgets.latencyP95Ms)) {
		for (let warm = 0; warm < 30; warm += 1) await (await fetch(origin + path)).arrayBuffer();
		/** @type {number[]} */
		const timings = [];
		const total = 400;
		const concurrency = 8;
		let next = 0;
		const started = performance.now();
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (next < total) {
					next += 1;
					const begin = performance.now();
					const response = await fetch(origin + path);
					await response.arrayBuffer();
					if (!response.ok) throw new Error(`${path} answered ${response.status}`);
					timings.push(performance.now() - begin);
				}
			})
		);
		const seconds = (performance.now() - started) / 1000;
		timings.sort((a, b) => a - b);
		const at = (/** @type {number} */ q) =>
			timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN;
		results.push({ path, p50: at(0.5), p95: at(0.95), rps: timings.length / seconds });
	}
	return results;
}

/** @param {{ path: string; p50: number; p95: number; rps: number }[]} results */
function reportLatency(results) {
	console.log('\nServer answers, 400 requests, 8 at a time (embedded database):');
	for (const { path, p50, p95, rps } of results) {
		console.log(
			`  ${path.padEnd(12)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ${rps.toFixed(0).padStart(5)} req/s`
		);
		const limit = budgets.latencyP95Ms[path];
		if (p95 > limit) failures.push(`${path}: p95 ${p95.toFixed(1)} ms > ${limit} ms`);
		const floor = budgets.minRequestsPerSecond[path];
		if (floor && rps < floor) failures.push(`${path}: ${rps.toFixed(0)} req/s < ${floor}`);
	}
}
