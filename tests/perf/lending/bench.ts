// `npm run perf:lending [-- --scale=ci --keep --reuse=DB --generate-only --explain --sweep]`: a
// large city's lending under load. Generates the city in a fresh Postgres database, serves the build
// on it, and measures "what is free" (GET /api/equipment?from&to, 20 clients) and booking (POST
// /api/bookings by many signed-in residents) over HTTP and directly in-process, then checks
// tests/perf/budgets.json. --keep keeps the database, --reuse=NAME measures on a kept one,
// --sweep also measures the catalogue at 1–10 clients, --explain prints the slowest plan.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { hashPassword } from 'better-auth/crypto';
import postgres from 'postgres';
import { generateCity, SCALES } from './city';
import { perfDatabase } from '../database';
import {
	availabilityDirect,
	bookingChurn,
	bookingsDirect,
	catalogueAfresh,
	catalogueDirect,
	openDirect
} from './direct';
import { formatSummary, runHttp, type Summary } from './measure';
import { signIn, startServer } from './server';
import {
	benchResidents,
	bookingRequests,
	catalogueWindows,
	unaskedWindow,
	windowQuery,
	type Window
} from './workload';

const args = new Map(
	process.argv.slice(2).map((arg) => {
		const [key, value] = arg.replace(/^--/, '').split('=');
		return [key ?? '', value ?? 'true'];
	})
);
const scaleName = (args.get('scale') ?? 'full') as keyof typeof SCALES;
const scale = SCALES[scaleName];
if (!scale) throw new Error(`unknown scale ${scaleName}: full or ci`);
const RUN = { full: { seconds: 20, residents: 300 }, ci: { seconds: 8, residents: 150 } }[scaleName];
const CLIENTS = 20;
/** Bookings made or cancelled per second while the catalogue is measured: the generated city averages about one booking a minute. */
const CHURN_PER_SECOND = 2;
const PASSWORD = 'perf-resident-2026';
type Budget = { catalogueP95Ms: number; bookingThroughputRatioMin: number; bookingCreatedShareMin: number };
const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8')).lending;
const budget = budgets[scaleName] as Budget;

/** Other work on the machine skews every figure: each phase says what the load was. */
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

const now = new Date();
const database = await perfDatabase(args.get('reuse'));
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
const direct = openDirect(database.url);
let stopServer = () => {};
const results: Partial<
	Record<
		| 'catalogueHttp'
		| 'catalogueUnasked'
		| 'catalogueDirect'
		| 'catalogueAfresh'
		| 'availabilitySql'
		| 'bookingHttp'
		| 'bookingDirect',
		Summary
	>
> = {};
let explained: { milliseconds: number[]; slowest: string } | undefined;
try {
	const passwordHash = await hashPassword(PASSWORD);
	if (database.fresh) {
		console.log(`Generating the city (${scaleName}) in ${database.name}…`);
		const report = await generateCity(sql, scale, passwordHash, now);
		for (const [step, seconds] of report.steps) console.log(`  ${step.padEnd(34)} ${seconds.toFixed(1)} s`);
		console.log(
			`  ${'total'.padEnd(34)} ${report.totalSeconds.toFixed(1)} s   ${JSON.stringify(report.counts)}`
		);
	} else {
		console.log(`Reusing ${database.name}.`);
	}
	if (!args.has('generate-only')) await measure(passwordHash);
} finally {
	stopServer();
	await direct.close();
	await sql.end();
	if (args.has('keep') || args.has('reuse') || args.has('generate-only'))
		console.log(`\nKept ${database.url}`);
	else await database.drop();
}
if (!args.has('generate-only')) report();

async function measure(passwordHash: string) {
	const run = `b${Date.now().toString(36)}`;
	const httpResidents = await benchResidents(sql, `${run}-http`, RUN.residents, passwordHash);
	const directResidents = await benchResidents(sql, `${run}-direct`, RUN.residents, passwordHash);
	const churnResidents = await benchResidents(sql, `${run}-churn`, 100, passwordHash);
	const requests = await bookingRequests(sql, now);
	const windows = catalogueWindows(now);
	const server = await startServer(database.url, Number(process.env.PERF_LENDING_PORT ?? 4186));
	stopServer = server.stop;
	const visitor = { 'x-forwarded-for': '10.254.0.1' };
	for (const window of windows.slice(0, 20)) {
		await (await fetch(server.origin + windowQuery(window), { headers: visitor })).arrayBuffer();
	}

	console.log(
		`\n"What is free" for 2–4 hours in the coming weeks, ${CLIENTS} clients, ${RUN.seconds} s each (${load()}):`
	);
	const options = { url: server.origin, connections: CLIENTS, seconds: RUN.seconds };
	const catalogueRequest = (index: number) => ({
		method: 'GET',
		path: windowQuery(windows[index % windows.length] as Window),
		headers: { 'x-forwarded-for': `10.254.1.${index % CLIENTS}` }
	});
	const stopChurn = bookingChurn(
		direct,
		churnResidents,
		requests.direct.slice(RUN.residents * 3),
		CHURN_PER_SECOND
	);
	results.catalogueHttp = await runHttp('GET /api/equipment?from&to', options, catalogueRequest);
	console.log(formatSummary(results.catalogueHttp));
	// The same with a question nobody asked before each time: no kept answer helps.
	const unasked = (index: number) => ({
		...catalogueRequest(index),
		path: windowQuery(unaskedWindow(now, index))
	});
	results.catalogueUnasked = await runHttp('  same, each window new', options, unasked);
	console.log(formatSummary(results.catalogueUnasked));
	// --sweep: how many clients at once the catalogue serves within its latency target.
	for (const clients of args.has('sweep') ? [1, 2, 5, 10] : []) {
		const label = `  same, ${clients} client${clients > 1 ? 's' : ''}`;
		console.log(formatSummary(await runHttp(label, { ...options, connections: clients }, catalogueRequest)));
	}
	results.catalogueDirect = await catalogueDirect(direct, windows, RUN.seconds, CLIENTS);
	console.log(formatSummary(results.catalogueDirect));
	results.catalogueAfresh = await catalogueAfresh(direct, windows, RUN.seconds, CLIENTS);
	console.log(formatSummary(results.catalogueAfresh));
	const churn = await stopChurn();
	console.log(`  meanwhile ${churn.writes} bookings made or cancelled in-process (${churn.refused} refused)`);
	const queries = await direct.availabilityQueries(windows);
	results.availabilitySql = await availabilityDirect(direct, queries, RUN.seconds, CLIENTS);
	console.log(formatSummary(results.availabilitySql));
	explained = await direct.explain(queries);
	const times = explained.milliseconds;
	console.log(
		`  EXPLAIN ANALYZE, one at a time: ${times[0]?.toFixed(1)}–${times.at(-1)?.toFixed(1)} ms, median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms`
	);
	if (args.has('explain')) console.log(`\nSlowest plan:\n${explained.slowest}`);

	const signInStarted = performance.now();
	const cookies = await signIn(server.origin, httpResidents, PASSWORD);
	const seconds = ((performance.now() - signInStarted) / 1000).toFixed(1);
	console.log(
		`\nBookings: ${RUN.residents} residents × 3 each (signed in in ${seconds} s), ${CLIENTS} at a time (${load()}):`
	);
	results.bookingHttp = await runHttp(
		'POST /api/bookings',
		{ ...options, seconds: undefined, amount: RUN.residents * 3 },
		(index) => ({
			method: 'POST',
			path: '/api/bookings',
			headers: {
				'content-type': 'application/json',
				origin: server.origin,
				cookie: cookies[index % cookies.length] ?? '',
				'x-forwarded-for': `10.0.${(index % RUN.residents) >> 8}.${index % 256}`
			},
			body: JSON.stringify(requests.http[index % requests.http.length])
		})
	);
	console.log(formatSummary(results.bookingHttp));
	stopServer();
	const slots = requests.direct.slice(0, RUN.residents * 3);
	results.bookingDirect = await bookingsDirect(direct, directResidents, slots, CLIENTS);
	console.log(formatSummary(results.bookingDirect));
}

function report() {
	const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
	const { catalogueHttp, catalogueDirect: listed, availabilitySql, bookingHttp, bookingDirect } = results;
	if (!catalogueHttp || !listed || !availabilitySql || !bookingHttp || !bookingDirect) return;
	const figures = {
		scale: scaleName,
		measuredAt: now.toISOString(),
		catalogue: {
			http: catalogueHttp,
			httpEachWindowNew: results.catalogueUnasked,
			direct: listed,
			afresh: results.catalogueAfresh,
			sql: availabilitySql,
			explainMs: explained?.milliseconds,
			p50HttpToDirect: ratio(catalogueHttp.p50, listed.p50),
			p95HttpToDirect: ratio(catalogueHttp.p95, listed.p95),
			p95HttpToSql: ratio(catalogueHttp.p95, availabilitySql.p95)
		},
		booking: {
			http: bookingHttp,
			direct: bookingDirect,
			throughputHttpToDirect: ratio(bookingHttp.rps, bookingDirect.rps),
			p50HttpToDirect: ratio(bookingHttp.p50, bookingDirect.p50),
			p95HttpToDirect: ratio(bookingHttp.p95, bookingDirect.p95),
			createdShare: ratio(bookingHttp.statuses['201'] ?? 0, bookingHttp.count)
		}
	};
	mkdirSync('test-results', { recursive: true });
	writeFileSync(`test-results/perf-lending-${scaleName}.json`, JSON.stringify(figures, null, '\t'));
	const { catalogue, booking } = figures;
	const times = (n: number) => `×${n.toFixed(2)}`;
	console.log(`\nHTTP compared with direct:
  catalogue p50 ${times(catalogue.p50HttpToDirect)}, p95 ${times(catalogue.p95HttpToDirect)}; p95 over its SQL alone ${times(catalogue.p95HttpToSql)}
  booking throughput ${(booking.throughputHttpToDirect * 100).toFixed(0)} % of direct, p50 ${times(booking.p50HttpToDirect)}, p95 ${times(booking.p95HttpToDirect)}; ${(booking.createdShare * 100).toFixed(1)} % answered 201`);

	const failures = [
		catalogueHttp.p95 > budget.catalogueP95Ms &&
			`catalogue p95 ${catalogueHttp.p95.toFixed(1)} ms > ${budget.catalogueP95Ms} ms`,
		booking.throughputHttpToDirect < budget.bookingThroughputRatioMin &&
			`booking throughput over HTTP ${(booking.throughputHttpToDirect * 100).toFixed(0)} % of direct < ${budget.bookingThroughputRatioMin * 100} %`,
		booking.createdShare < budget.bookingCreatedShareMin &&
			`${(booking.createdShare * 100).toFixed(1)} % of bookings answered 201 < ${budget.bookingCreatedShareMin * 100} %`
	].filter((failure): failure is string => typeof failure === 'string');
	if (failures.length > 0) {
		console.error(`\nOver budget (${scaleName}):\n- ${failures.join('\n- ')}`);
		process.exit(1);
	}
	console.log(`\nLending budgets (${scaleName}) met.`);
}
