// The built portal, served by its own `node build` process on the benchmark's database, with map
// tiles pointed at a host that never resolves (the browser answers them itself).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type Server = {
	origin: string;
	buildDir: string;
	/** The server process's peak resident memory so far (Linux). */
	peakRssMb: () => number;
	stop: () => void;
};

export const TILE_URL = 'https://tiles.invalid/{z}/{x}/{y}.png';
/** The lock the end-to-end runs and everyone building in this checkout take. */
const BUILD_LOCK = '/tmp/e2e.lock';

/**
 * A build of its own: under the build lock, build/ is brought up to date (the rule `npm start`
 * and the other benchmarks use, scripts/build-if-stale.js) and copied, so a build started in the
 * same checkout during the run cannot swap files under the server. PERF_BUILD_DIR serves a given
 * copy instead (with node_modules and package.json alongside).
 */
export function privateBuild(): { buildDir: string; remove: () => void } {
	if (process.env.PERF_BUILD_DIR) return { buildDir: resolve(process.env.PERF_BUILD_DIR), remove: () => {} };
	const root = mkdtempSync(join(tmpdir(), 'commons-perf-trails-'));
	const buildDir = join(root, 'build');
	const copied = spawnSync(
		'flock',
		[BUILD_LOCK, 'sh', '-c', `node scripts/build-if-stale.js && cp -a build "${buildDir}"`],
		{ stdio: 'inherit' }
	);
	if (copied.status !== 0) throw new Error(`building or copying build/ failed (${copied.status})`);
	symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
	copyFileSync('package.json', join(root, 'package.json'));
	return { buildDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export async function startServer(databaseUrl: string, port: number, buildDir: string): Promise<Server> {
	const entry = join(buildDir, 'index.js');
	if (!existsSync(entry)) throw new Error(`no build at ${entry}`);
	const origin = `http://127.0.0.1:${port}`;
	if (await answers(origin)) throw new Error(`something already answers on ${origin}: stop it first`);
	const dataDir = mkdtempSync(join(tmpdir(), 'commons-perf-trails-data-'));
	const child: ChildProcess = spawn(process.execPath, [entry], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: databaseUrl,
			DATA_DIR: dataDir,
			BETTER_AUTH_SECRET: randomBytes(24).toString('hex'),
			SEED_DEMO: 'false',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			MAP_TILE_URL: TILE_URL
		},
		stdio: ['ignore', process.env.PERF_SERVER_LOG ? 'inherit' : 'ignore', 'inherit']
	});
	const stop = () => {
		child.kill();
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await waitForHealth(origin, child);
	} catch (problem) {
		stop();
		throw problem;
	}
	const peakRssMb = () => {
		const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
		return peak ? Math.round(Number(peak) / 1024) : Number.NaN;
	};
	return { origin, buildDir, peakRssMb, stop };
}

async function answers(origin: string): Promise<boolean> {
	try {
		await (await fetch(`${origin}/health`)).arrayBuffer();
		return true;
	} catch {
		return false;
	}
}

async function waitForHealth(origin: string, child: ChildProcess) {
	const until = Date.now() + 60_000;
	let last: unknown;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/health`)).ok) return;
		} catch (problem) {
			last = problem; // not listening yet
		}
		await new Promise((done) => setTimeout(done, 200));
	}
	throw new Error('the server did not become healthy', { cause: last });
}
