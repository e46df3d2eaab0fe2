// Builds the portal when build/ is missing or older than its sources. Used by `npm start`, the
// end-to-end tests and the performance budgets, so none of them serves a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = [
	'src',
	'static',
	'messages',
	'project.inlang',
	'svelte.config.js',
	'vite.config.ts',
	'package.json'
];
const STAMP = 'build/index.js';

/** @param {string} path @returns {number} the latest modification time under it */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let latest = stats.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide') continue; // written by the build itself
		latest = Math.max(latest, newest(join(path, entry)));
	}
	return latest;
}

export function buildIfStale() {
	const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
	if (builtAt >= Math.max(...SOURCES.map(newest))) return;
	console.log('Building the portal (first start, or the sources changed)…');
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
