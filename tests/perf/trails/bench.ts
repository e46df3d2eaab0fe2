// `npm run perf:trails [-- --scale=ci --clients=10 --seconds=20 --geojson-requests=50 --keep
// --reuse=DB --generate-only]`:
// commons trails at the scale of a busy city. Generates 2,000 published trails with 50,000 stops
// in a fresh Postgres database, serves the build on it (port 4230), and measures with concurrent
// clients GET /api/trails.geojson and GET /trails/<slug> for random trails (p50, p95, p99, answers
// per second), where the GeoJSON's time goes, and the JavaScript a phone loads for a trail page
// until its map is drawn (headless Chromium, Leaflet included). Prints a Markdown table, writes
// test-results/perf-trails-<scale>.json and fails when a figure misses tests/perf/trails/budgets.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { formatSummary, runHttp, type Summary } from '../lending/measure';
import { pageWeight, precacheScriptBytes, type PageWeight } from './browser';
import { perfDatabase } from '../database';
import { generateTrails, SCALES } from './generate';
import { download, geojsonBreakdown, keptAnswerServer, runDownloads, type Breakdown } from './geojson';
import { privateBuild, startServer, type Server } from './server';

const args = new Map(
	process.argv.slice(2).map((arg) => {
		const [key, value] = arg.replace(/^--/, '').split('=');
		return [key ?? '', value ?? 'true'];
	})
);
const scaleName = (args.get('scale') ?? 'full') as keyof typeof SCALES;
const scale = SCALES[scaleName];
if (!scale) throw new Error(`unknown scale ${scaleName}: full or ci`);
const CLIENTS = Number(args.get('clients') ?? 10);
const SECONDS = Number(args.get('seconds') ?? { full: 20, ci: 8 }[scaleName]);
/** Each GeoJSON answer takes seconds at full scale: a number of them, so none is cut off at the end. */
const GEOJSON_REQUESTS = Number(args.get('geojson-requests') ?? CLIENTS * 5);
const PORT = 4230;
type Budget = { trailPageP95Ms: number; geojsonP95Ms: number; trailPageJsKb: number };
const budget = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'))[
	scaleName
] as Budget;

/** Other work on the machine skews every figure: each phase says what the load was. */
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;
const kb = (bytes: number) => bytes / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A fixed-seed shuffle, so that two runs ask for the same trails in the same order. */
function shuffled<T>(items: T[], seed: number): T[] {
	const copy = [...items];
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy;
}

type Results = {
	generation?: { seconds: number; counts: Record<string, number> };
	geojson?: Summary;
	geojsonSize?: { raw: number; gzip: number; encoding: string; features: number };
	geojsonPeakRssMb?: number;
	trailPage?: Summary;
	trailPageOneClient?: Summary;
	keptGeojson?: { oneAtATimeMs: number; gzip: Summary };
	trailPageSize?: {
		medianRaw: number;
		medianGzip: number;
		maxRaw: number;
		maxGzip: number;
		maxStops: number;
	};
	breakdown?: Breakdown;
	js?: PageWeight[];
	precache?: { files: number; bytes: number };
	probes?: { path: string; status: number; ms: number; raw: number; gzip: number }[];
};
const results: Results = {};

const creating = performance.now();
const database = await perfDatabase(args.get('reuse'), 'commons_perf_trails');
const createdSeconds = (performance.now() - creating) / 1000;
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
let server: Server | undefined;
let removeBuild = () => {};
try {
	if (database.fresh) {
		console.log(
			`Created, migrated and seeded ${database.name} with the demo in ${createdSeconds.toFixed(1)} s.`
		);
		console.log(`Generating trails (${scaleName})…`);
		const report = await generateTrails(sql, database.url, scale);
		for (const [step, seconds] of report.steps) console.log(`  ${step.padEnd(40)} ${seconds.toFixed(1)} s`);
		console.log(
			`  ${'total'.padEnd(40)} ${report.totalSeconds.toFixed(1)} s   ${JSON.stringify(report.counts)}`
		);
		results.generation = { seconds: report.totalSeconds, counts: report.counts };
	} else {
		console.log(`Reusing ${database.name}.`);
	}
	if (!args.has('generate-only')) {
		const build = privateBuild();
		removeBuild = build.remove;
		server = await startServer(database.url, PORT, build.buildDir);
		await measure(server);
	}
} finally {
	server?.stop();
	removeBuild();
	await sql.end();
	if (args.has('keep') || args.has('reuse') || args.has('generate-only'))
		console.log(`\nKept ${database.url}`);
	else await database.drop();
}
if (!args.has('generate-only')) report();

async function measure({ origin, buildDir, peakRssMb }: Server) {
	const trails = await sql<{ slug: string; stops: number; project: string; group: string; stop: string }[]>`
		select t.slug, jsonb_array_length(t.published -> 'stops') as stops, p.slug as project, g.slug as group,
			t.published -> 'stops' -> 0 ->> 'id' as stop
		from trail t join project p on p.id = t.project_id join "group" g on g.id = p.group_id
		where t.published is not null and p.published is not null order by t.slug`;
	const slugs = shuffled(
		trails.map((trail) => trail.slug),
		2026
	);
	const busiest = trails.reduce((most, trail) => (trail.stops > most.stops ? trail : most));
	const typical = trails.find((trail) => trail.stops === 25 && trail.slug !== busiest.slug) ?? busiest;
	const headers = { 'accept-encoding': 'br, gzip' };
	for (const slug of slugs.slice(0, 20)) await download(`${origin}/trails/${slug}`, headers);
	await download(`${origin}/api/trails.geojson`, headers);

	console.log(
		`\nThe JavaScript of a trail page, loaded cold in Chromium until the map is drawn (${load()}):`
	);
	results.js = [];
	for (const trail of [typical, busiest]) {
		const weight = await pageWeight(origin, trail.slug, trail.stops, buildDir);
		results.js.push(weight);
		console.log(
			`  /trails/${trail.slug} (${trail.stops} stops): ${weight.scripts.length} scripts, ${kb(weight.jsBytes).toFixed(1)} kB as served ` +
				`(${[...new Set(weight.scripts.map((item) => item.encoding))].join(', ')}; ${kb(weight.jsDecodedBytes).toFixed(1)} kB decoded), ` +
				`Leaflet ${kb(weight.leafletBytes).toFixed(1)} kB, drawn in ${weight.drawnMs.toFixed(0)} ms`
		);
	}
	for (const item of results.js[0]?.scripts ?? []) {
		const disk = item.onDiskBytes === null ? '' : ` (file ${kb(item.onDiskBytes).toFixed(1)})`;
		console.log(
			`    ${item.lazy ? 'lazy ' : 'first'} ${kb(item.bytes).toFixed(1).padStart(6)} kB${disk}  ${item.path}${item.leaflet ? '  ← Leaflet' : ''}`
		);
	}
	results.precache = precacheScriptBytes(buildDir);

	// Trail pages before the GeoJSON, so that nothing of the GeoJSON's load is still running.
	const pages = await Promise.all(
		[...slugs.slice(0, 30), busiest.slug].map(async (slug) => {
			const page = await download(`${origin}/trails/${slug}`);
			return { raw: page.bytes, gzip: gzipSync(page.body).length };
		})
	);
	const last = pages.at(-1) ?? { raw: 0, gzip: 0 };
	results.trailPageSize = {
		medianRaw: median(pages.map((page) => page.raw)),
		medianGzip: median(pages.map((page) => page.gzip)),
		maxRaw: last.raw,
		maxGzip: last.gzip,
		maxStops: busiest.stops
	};
	console.log(
		`\nGET /trails/<slug>, ${slugs.length} trails in random order: a page is ${kb(results.trailPageSize.medianRaw).toFixed(0)} kB ` +
			`(${kb(results.trailPageSize.medianGzip).toFixed(0)} kB gzipped; ${busiest.stops} stops: ${kb(last.raw).toFixed(0)} kB); ` +
			`${CLIENTS} clients, ${SECONDS} s (${load()}):`
	);
	const options = { url: origin, connections: CLIENTS, seconds: SECONDS };
	results.trailPage = await runHttp('GET /trails/[slug]', options, (index) => ({
		method: 'GET',
		path: `/trails/${slugs[index % slugs.length]}`,
		headers
	}));
	console.log(formatSummary(results.trailPage));
	// The same, one client: the time of a page without waiting behind others.
	results.trailPageOneClient = await runHttp(
		'  same, 1 client',
		{ ...options, connections: 1, seconds: Math.min(SECONDS, 10) },
		(index) => ({ method: 'GET', path: `/trails/${slugs[(index + 500) % slugs.length]}`, headers })
	);
	console.log(formatSummary(results.trailPageOneClient));

	const answer = await download(`${origin}/api/trails.geojson`, headers);
	if (answer.status !== 200) throw new Error(`/api/trails.geojson answered ${answer.status}`);
	// Should the server come to compress it, the figures stay those of the GeoJSON itself.
	const text =
		answer.encoding === 'br'
			? brotliDecompressSync(answer.body)
			: answer.encoding === 'gzip'
				? gunzipSync(answer.body)
				: answer.body;
	const features = (JSON.parse(text.toString('utf8')) as { features: unknown[] }).features.length;
	results.geojsonSize = {
		raw: text.length,
		gzip: gzipSync(text).length,
		encoding: answer.encoding,
		features
	};
	console.log(
		`\nGET /api/trails.geojson: ${features} features, ${(answer.bytes / 1e6).toFixed(1)} MB sent (${answer.encoding}), ` +
			`${(results.geojsonSize.gzip / 1e6).toFixed(1)} MB once gzipped; ${GEOJSON_REQUESTS} requests, ${CLIENTS} at a time (${load()}):`
	);
	const path = '/api/trails.geojson';
	const geojsonOptions = { url: origin + path, concurrency: CLIENTS, amount: GEOJSON_REQUESTS };
	results.geojson = await runDownloads('GET /api/trails.geojson', geojsonOptions, headers);
	results.geojsonPeakRssMb = peakRssMb();
	console.log(formatSummary(results.geojson));
	console.log(`  the server's peak memory: ${results.geojsonPeakRssMb} MB`);

	console.log(`\nWhere the GeoJSON's time goes (in-process on the same database, one at a time, ${load()}):`);
	results.breakdown = await geojsonBreakdown(database.url, origin);
	const { ms, bytes } = results.breakdown;
	const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
	const line = (label: string, value: number) =>
		console.log(`  ${label.padEnd(64)} ${value.toFixed(0).padStart(6)} ms`);
	line(`Postgres alone: query, snapshots written as text (${mb(bytes.snapshotsAsText)})`, ms.postgresAlone);
	line('the rows sent to this process, not parsed', ms.rowsUnparsed);
	line('allPublishedTrails(): the same, snapshots parsed', ms.allPublishedTrails);
	line('exportTrailOf() + trailsToGeoJson()', ms.features);
	line(`JSON.stringify (${mb(bytes.answer)})`, ms.stringify);
	line(`gzip of the answer (${mb(bytes.answerGzip)}; the server sends it uncompressed)`, ms.gzip);
	line('over HTTP, server idle: first byte', ms.httpFirstByte);
	line('over HTTP, server idle: last byte', ms.httpLastByte);
	console.log(
		`  of the snapshots read, ${mb(bytes.transcriptsAndTexts)} are stop texts and media (transcripts): none is in the answer`
	);
	line('fix 2a: only the fields it needs from the snapshots, query to string', ms.leanQueryAndBuild);
	line('fix 2b: those fields kept apart (a column written at publication)', ms.leanColumnAndBuild);
	if (!results.breakdown.leanMatches) console.log('  (fix 2 gave DIFFERENT bytes from the endpoint)');

	// Fix 1: the answer kept, encoded and gzipped once, served from memory (a lower bound).
	const kept = await keptAnswerServer(text);
	try {
		const once = [];
		for (let run = 0; run < 5; run++) once.push(await download(`${kept.origin}${path}`, headers));
		const keptOptions = { url: kept.origin + path, concurrency: CLIENTS, amount: GEOJSON_REQUESTS * 4 };
		results.keptGeojson = {
			oneAtATimeMs: median(once.map((item) => item.totalMs)),
			gzip: await runDownloads('fix 1: kept answer, gzip', keptOptions, headers)
		};
	} finally {
		kept.stop();
	}
	line('fix 1: the answer kept in memory, gzip, one at a time', results.keptGeojson.oneAtATimeMs);
	console.log(formatSummary(results.keptGeojson.gzip));

	console.log(`\nOther public reads at this scale, one at a time (${load()}):`);
	const trail = typical;
	results.probes = [];
	for (const probePath of [
		'/trails',
		'/trails?theme=sound',
		`/trails/${trail.slug}/walk`,
		`/trails/${trail.slug}/stops/${trail.stop}`,
		`/api/trails/${trail.slug}.geojson`,
		`/api/trails/${trail.slug}.gpx`,
		`/projects/${trail.project}`,
		`/groups/${trail.group}`
	]) {
		const runs = [];
		for (let run = 0; run < 3; run++) runs.push(await download(origin + probePath));
		const first = runs[0] as Awaited<ReturnType<typeof download>>;
		const probe = {
			path: probePath.replace(trail.slug, '<slug>').replace(trail.stop, '<id>'),
			status: first.status,
			ms: median(runs.map((item) => item.totalMs)),
			raw: first.bytes,
			gzip: gzipSync(first.body).length
		};
		results.probes.push(probe);
		console.log(
			`  ${probe.path.padEnd(36)} ${probe.status}  ${probe.ms.toFixed(0).padStart(6)} ms  ${kb(probe.raw).toFixed(0).padStart(7)} kB (${kb(probe.gzip).toFixed(0)} kB gzipped)`
		);
	}
}

function report() {
	const { geojson, trailPage, js, geojsonSize, breakdown } = results;
	if (!geojson || !trailPage || !js || !geojsonSize || !breakdown) return;
	const jsKb = Math.max(...js.map((weight) => kb(weight.jsBytes)));
	const failures = [
		trailPage.p95 > budget.trailPageP95Ms &&
			`GET /trails/[slug] p95 ${trailPage.p95.toFixed(0)} ms > ${budget.trailPageP95Ms} ms`,
		geojson.p95 > budget.geojsonP95Ms &&
			`GET /api/trails.geojson p95 ${geojson.p95.toFixed(0)} ms > ${budget.geojsonP95Ms} ms`,
		jsKb > budget.trailPageJsKb &&
			`JavaScript of a trail page ${jsKb.toFixed(1)} kB > ${budget.trailPageJsKb} kB compressed`,
		((geojson.statuses['200'] ?? 0) !== geojson.count || geojson.statuses.errors) &&
			`GeoJSON answers: ${JSON.stringify(geojson.statuses)}`,
		((trailPage.statuses['200'] ?? 0) !== trailPage.count || trailPage.statuses.errors) &&
			`trail page answers: ${JSON.stringify(trailPage.statuses)}`
	].filter((failure): failure is string => typeof failure === 'string');
	const ok = (pass: boolean) => (pass ? 'met' : '**missed**');
	const row = (label: string, summary: Summary | undefined, limit?: number) =>
		summary
			? `| ${label} | ${summary.rps.toFixed(1)} | ${summary.p50.toFixed(0)} ms | ${summary.p95.toFixed(0)} ms | ${summary.p99.toFixed(0)} ms | ${limit === undefined ? '' : `≤ ${limit} ms: ${ok(summary.p95 <= limit)}`} |`
			: '';
	const weight = js[0] as PageWeight;
	console.log(`
| ${scaleName}: ${scale.trails.toLocaleString('en')} trails, ${scale.stops.toLocaleString('en')} stops, ${CLIENTS} clients | answers/s | p50 | p95 | p99 | budget (p95) |
| --- | --- | --- | --- | --- | --- |
${row(`\`GET /api/trails.geojson\`, ${GEOJSON_REQUESTS} requests (${(geojsonSize.raw / 1e6).toFixed(1)} MB, ${(geojsonSize.gzip / 1e6).toFixed(1)} MB gzipped)`, geojson, budget.geojsonP95Ms)}
${row(`the same answer kept in memory, gzip (fix 1, a prototype outside the app)`, results.keptGeojson?.gzip)}
${row(`\`GET /trails/[slug]\`, random trails, ${SECONDS} s`, trailPage, budget.trailPageP95Ms)}
${row('the same, 1 client', results.trailPageOneClient)}

| JavaScript of a trail page until its map is drawn | as served (${[...new Set(weight.scripts.map((item) => item.encoding))].join(', ')}) | decoded | budget |
| --- | --- | --- | --- |
${js.map((item) => `| ${item.scripts.length} scripts, ${item.stops} stops, of which Leaflet ${kb(item.leafletBytes).toFixed(1)} kB | ${kb(item.jsBytes).toFixed(1)} kB | ${kb(item.jsDecodedBytes).toFixed(1)} kB | ≤ ${budget.trailPageJsKb} kB: ${ok(kb(item.jsBytes) <= budget.trailPageJsKb)} |`).join('\n')}`);
	if (results.precache)
		console.log(
			`\n(The service worker, once registered, precaches all ${results.precache.files} scripts of the app: ${kb(results.precache.bytes).toFixed(0)} kB brotli.)`
		);
	mkdirSync('test-results', { recursive: true });
	writeFileSync(
		`test-results/perf-trails-${scaleName}.json`,
		JSON.stringify(
			{
				scale: scaleName,
				measuredAt: new Date().toISOString(),
				clients: CLIENTS,
				seconds: SECONDS,
				geojsonRequests: GEOJSON_REQUESTS,
				...results
			},
			null,
			'\t'
		)
	);
	if (failures.length > 0) {
		console.error(`\nOver budget (${scaleName}):\n- ${failures.join('\n- ')}`);
		process.exit(1);
	}
	console.log(`\nTrails budgets (${scaleName}) met.`);
}
