// The built portal, served by its own `node build` process on the benchmark's database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIfStale } from '../../../scripts/build-if-stale.js';

export type Server = { origin: string; stop: () => void };

/**
 * PERF_BUILD_DIR serves a copy of the build (so a build running in the same checkout cannot swap
 * files under the benchmark); otherwise build/ is brought up to date and served.
 */
export async function startServer(databaseUrl: string, port: number): Promise<Server> {
	const buildDir = process.env.PERF_BUILD_DIR ? resolve(process.env.PERF_BUILD_DIR) : 'build';
	if (!process.env.PERF_BUILD_DIR) buildIfStale();
	const entry = join(buildDir, 'index.js');
	if (!existsSync(entry)) throw new Error(`no build at ${entry}`);
	const origin = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [entry], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_URL: databaseUrl,
			BETTER_AUTH_SECRET: randomBytes(24).toString('hex'),
			SEED_DEMO: 'false',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			// Each simulated resident signs in from an address of their own (the limits are per address);
			// every request must then carry the header.
			ADDRESS_HEADER: 'x-forwarded-for'
		},
		stdio: ['ignore', process.env.PERF_SERVER_LOG ? 'inherit' : 'ignore', 'inherit']
	});
	const stop = () => void child.kill();
	try {
		await waitForHealth(origin, child);
	} catch (problem) {
		stop();
		throw problem;
	}
	return { origin, stop };
}

async function waitForHealth(origin: string, child: ChildProcess) {
	const until = Date.now() + 60_000;
	let last: unknown;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/health`, { headers: { 'x-forwarded-for': '10.255.0.1' } })).ok) return;
		} catch (problem) {
			last = problem; // not listening yet
		}
		await new Promise((done) => setTimeout(done, 200));
	}
	throw new Error('the server did not become healthy', { cause: last });
}

/** Signs each person in through better-auth's endpoint; returns their session cookies. */
export async function signIn(
	origin: string,
	people: { email: string }[],
	password: string,
	concurrency = 4
): Promise<string[]> {
	const cookies: string[] = new Array(people.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < people.length) {
				const index = next++;
				const response = await fetch(`${origin}/api/auth/sign-in/email`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						origin,
						'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`
					},
					body: JSON.stringify({ email: people[index]?.email, password })
				});
				await response.arrayBuffer();
				const cookie = response.headers
					.getSetCookie()
					.map((line) => line.split(';')[0] ?? '')
					.filter((pair) => pair.startsWith('commons'))
					.join('; ');
				if (!response.ok || !cookie) throw new Error(`sign-in answered ${response.status}`);
				cookies[index] = cookie;
			}
		})
	);
	return cookies;
}
