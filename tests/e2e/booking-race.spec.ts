import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { hashPassword } from 'better-auth/crypto';
import postgres from 'postgres';
import { cityInstant, nextWeekday } from './dates';

// Two app instances on one Postgres database, as behind a load balancer: 30 residents ask at the
// same moment for the only Epson projector at Saint-Martin. Exactly one may get it.
const SERVER = process.env.TEST_DATABASE_URL ?? process.env.E2E_DATABASE_URL;
const PORTS = [4181, 4182];
const ORIGIN = `http://localhost:${PORTS[0]}`;
const RESIDENTS = 30;
const PASSWORD = 'a long enough password for the race';

test.describe('the last free unit, under load', () => {
	test.skip(!SERVER && !process.env.CI, 'needs a Postgres server: set TEST_DATABASE_URL');
	test.setTimeout(180_000);

	let admin: postgres.Sql;
	let app: postgres.Sql;
	let databaseUrl: string;
	let name: string;
	const servers: ChildProcess[] = [];

	test.beforeAll(async () => {
		if (!SERVER) throw new Error('CI must name a Postgres server in TEST_DATABASE_URL');
		name = `commons_race_${randomBytes(5).toString('hex')}`;
		admin = postgres(SERVER, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(SERVER);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		for (const port of PORTS) {
			const server = spawn(process.execPath, ['build'], {
				env: {
					...process.env,
					PORT: String(port),
					ORIGIN,
					DATABASE_URL: databaseUrl,
					SEED_DEMO: 'true',
					LOG_LEVEL: 'warn',
					ADDRESS_HEADER: 'x-forwarded-for',
					BETTER_AUTH_SECRET: 'race-test-only-secret-0123456789abcdef0123'
				},
				stdio: ['ignore', 'ignore', 'inherit']
			});
			servers.push(server);
		}
		await Promise.all(PORTS.map((port) => waitForHealth(port)));
		app = postgres(databaseUrl, { max: 2, onnotice: () => {} });
	});

	test.afterAll(async () => {
		for (const server of servers) server.kill('SIGTERM');
		await Promise.all(servers.map((server) => new Promise((done) => server.once('exit', done))));
		await app?.end();
		await admin?.unsafe(`drop database if exists ${name} with (force)`);
		await admin?.end();
	});

	test('30 simultaneous requests on two instances: one 201, 29 409s, one booking held', async () => {
		const password = await hashPassword(PASSWORD);
		const emails = Array.from({ length: RESIDENTS }, (_, index) => `racer-${index}@example.test`);
		for (const email of emails) {
			const [person] = await app`insert into "user" (email, name, email_verified)
				values (${email}, ${email}, true) returning id`;
			await app`insert into account (user_id, account_id, provider_id, password)
				values (${person?.id}, ${person?.id}, 'credential', ${password})`;
		}
		const cookies = await Promise.all(
			emails.map((email, index) => signIn(PORTS[index % 2] ?? 0, email, index))
		);

		const day = nextWeekday(3, 5); // a Wednesday, when Saint-Martin is open 10:00–18:00
		const body = JSON.stringify({
			equipment: 'epson-projector',
			site: 'saint-martin',
			start: cityInstant(day, '14:00').toISOString(),
			end: cityInstant(day, '17:00').toISOString()
		});
		const answers = await Promise.all(
			cookies.map((cookie, index) =>
				fetch(`http://localhost:${PORTS[index % 2]}/api/bookings`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', cookie, 'x-forwarded-for': `10.9.0.${index + 1}` },
					body
				}).then(async (response) => ({ status: response.status, json: await response.json() }))
			)
		);

		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses.filter((status) => status === 201)).toHaveLength(1);
		expect(statuses.filter((status) => status === 409)).toHaveLength(RESIDENTS - 1);
		const refused = answers.filter((answer) => answer.status === 409);
		expect(refused.every((answer) => answer.json.error === 'unavailable')).toBe(true);
		expect(refused[0]?.json.alternatives.otherSites).toEqual([
			expect.objectContaining({ site: 'bellevue', available: 1 })
		]);

		const held = await app`select count(*)::int as n from booking b
			join booking_unit bu on bu.booking_id = b.id
			join equipment_unit u on u.id = bu.unit_id
			join site s on s.id = u.site_id
			where bu.active and s.slug = 'saint-martin'`;
		expect(held[0]?.n).toBe(1);
		const bookings = await app`select count(*)::int as n from booking`;
		expect(bookings[0]?.n).toBe(1);
	});
});

async function waitForHealth(port: number) {
	for (let attempt = 0; attempt < 240; attempt++) {
		try {
			const response = await fetch(`http://localhost:${port}/health`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`instance on port ${port} never became healthy`);
}

async function signIn(port: number, email: string, index: number): Promise<string> {
	const response = await fetch(`http://localhost:${port}/api/auth/sign-in/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': `10.9.0.${index + 1}` },
		body: JSON.stringify({ email, password: PASSWORD })
	});
	expect(response.status, `sign-in of ${email}`).toBe(200);
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}
