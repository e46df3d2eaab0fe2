// Where the time of GET /api/trails.geojson goes, step by step, in this process on the same
// database: Postgres producing the rows, their transfer, parsing the snapshots, building the
// features, JSON.stringify, compression; then the same request over HTTP (first byte, last byte).
// Also what two fixes would cost: reading only what the GeoJSON needs, and a kept encoded answer.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from '../../../src/lib/server/db/client';
import * as schema from '../../../src/lib/server/db/schema';
import { trailsToGeoJson } from '../../../src/lib/server/trails/geo/export';
import { licenceOf, type LicenceId } from '../../../src/lib/trails/licences';
import { allPublishedTrails, exportTrailOf } from '../../../src/lib/server/trails/public-trails';
import type { Position } from '../../../src/lib/server/trails/geo/types';
import { runConcurrent, type Summary } from '../lending/measure';

export type Download = {
	status: number;
	encoding: string;
	bytes: number;
	firstByteMs: number;
	totalMs: number;
};

/** One GET, timed to its first and last byte, the body counted as it came (not decompressed). */
export function download(
	url: string,
	headers: Record<string, string> = {}
): Promise<Download & { body: Buffer }> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const outgoing = request(url, { headers }, (response) => {
			const firstByteMs = performance.now() - started;
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				const body = Buffer.concat(chunks);
				resolve({
					status: response.statusCode ?? 0,
					encoding: String(response.headers['content-encoding'] ?? 'identity'),
					bytes: body.length,
					firstByteMs,
					totalMs: performance.now() - started,
					body
				});
			});
		});
		outgoing.on('error', reject);
		outgoing.end();
	});
}

/** One GET, its body counted and dropped; the status, or 'error'. */
function drain(url: string, headers: Record<string, string>): Promise<number | string> {
	return new Promise((resolve) => {
		const outgoing = request(url, { headers }, (response) => {
			response.on('data', () => {});
			response.on('error', () => resolve('error'));
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		outgoing.on('error', () => resolve('error'));
		outgoing.end();
	});
}

/**
 * `amount` GETs from `concurrency` clients over Node's own HTTP client. Not autocannon: on answers
 * of megabytes it reads about four times slower (measured here: 6 against 24 answers of 6 MB a
 * second), which would be the client's limit rather than the server's.
 */
export function runDownloads(
	label: string,
	options: { url: string; concurrency: number; amount: number },
	headers: Record<string, string>
): Promise<Summary> {
	return runConcurrent(label, options, () => drain(options.url, headers));
}

export type Breakdown = {
	runs: number;
	/** Medians, in milliseconds. */
	ms: {
		postgresAlone: number;
		rowsUnparsed: number;
		allPublishedTrails: number;
		features: number;
		stringify: number;
		gzip: number;
		httpFirstByte: number;
		httpLastByte: number;
		leanQueryAndBuild: number;
		leanColumnAndBuild: number;
	};
	bytes: {
		snapshotsAsText: number;
		answer: number;
		answerGzip: number;
		leanAnswer: number;
		transcriptsAndTexts: number;
	};
	leanMatches: boolean;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed<T>(runs: number, work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
	const times: number[] = [];
	let result: T | undefined;
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		result = await work();
		times.push(performance.now() - started);
	}
	return { ms: median(times), result: result as T };
}

/**
 * What the endpoint needs and nothing else: the snapshots' transcripts, texts and media stay in
 * Postgres. The shape fed to trailsToGeoJson() is the endpoint's own, so both answers must match.
 */
const LEAN_QUERY = `select t.slug, t.published_at, g.name as group_name, p.published ->> 'credits' as credits,
		p.published ->> 'licence' as licence, p.published -> 'themes' as themes,
		z.pub ->> 'title' as title, z.pub ->> 'summary' as summary,
		(z.pub ->> 'lengthMetres')::int as length_metres, (z.pub ->> 'walkingMinutes')::int as walking_minutes,
		z.pub -> 'path' as path,
		(select coalesce(jsonb_agg(jsonb_build_object('id', s -> 'id', 'title', s -> 'title',
			'position', s -> 'position', 'radiusMetres', s -> 'radiusMetres') order by n), '[]')
			from jsonb_array_elements(z.pub -> 'stops') with ordinality as e(s, n)) as stops
	from trail t join project p on p.id = t.project_id join "group" g on g.id = p.group_id
		-- Detoasted once per row (offset 0 keeps the subquery), not once per -> above.
		cross join lateral (select t.published || '{}'::jsonb as pub offset 0) z
	where t.published is not null and p.published is not null
	order by t.slug`;

type LeanRow = {
	slug: string;
	/** As Postgres writes it: drizzle's postgres.js client leaves dates to drizzle. */
	published_at: string;
	group_name: string;
	credits: string;
	licence: LicenceId;
	themes: string[];
	title: string;
	summary: string;
	length_metres: number;
	walking_minutes: number;
	path: Position[];
	stops: { id: string; title: string; position: Position; radiusMetres: number }[];
};

function leanGeoJson(origin: string, rows: LeanRow[]) {
	return trailsToGeoJson(
		rows.map((row) => {
			const url = `${origin}/trails/${row.slug}`;
			return {
				slug: row.slug,
				title: row.title,
				url,
				summary: row.summary,
				licence: licenceOf(row.licence),
				attribution: row.credits ? `${row.group_name} — ${row.credits}` : row.group_name,
				themes: row.themes,
				path: row.path.length >= 2 ? row.path : row.stops.map((stop) => stop.position),
				stops: row.stops.map((stop) => ({ ...stop, text: '', url: `${url}/stops/${stop.id}` })),
				lengthMetres: row.length_metres,
				walkingMinutes: row.walking_minutes,
				updatedAt: new Date(row.published_at).toISOString()
			};
		})
	);
}

/** Each step `runs` times on a pool like the app's, the server idle; medians. */
export async function geojsonBreakdown(databaseUrl: string, origin: string, runs = 5): Promise<Breakdown> {
	const client = postgres(databaseUrl, { max: 10, onnotice: () => {} });
	let captured = '';
	const logger = { logQuery: (query: string) => void (captured = query) };
	const db = drizzle({ client, schema, logger }) as unknown as Database;
	try {
		const found = await timed(runs, () => allPublishedTrails(db));
		const query = captured;
		// Postgres alone: the query run and its rows written out as text as for a client, to
		// nowhere (COPY to a server file needs a superuser or pg_write_server_files; else not shown).
		const alone = await timed(runs, () =>
			client.unsafe(`copy (${query}) to '/dev/null'`).then(
				() => true,
				() => false
			)
		);
		const [size] = await client.unsafe<{ bytes: string }[]>(
			`select sum(octet_length(published::text))::bigint as bytes from trail where published is not null`
		);
		const unparsed = await timed(runs, () => client.unsafe(query).raw());
		const features = await timed(runs, () =>
			trailsToGeoJson(found.result.map((trail) => exportTrailOf(origin, trail)))
		);
		const text = await timed(runs, () => JSON.stringify(features.result));
		const gzip = await timed(runs, () => gzipSync(text.result));
		const [texts] = await client.unsafe<{ bytes: string }[]>(`select sum(octet_length(s ->> 'text')
				+ coalesce((select sum(octet_length(m::text)) from jsonb_array_elements(s -> 'media') m), 0))::bigint as bytes
			from trail t, jsonb_array_elements(t.published -> 'stops') s where t.published is not null`);
		const lean = await timed(runs, async () =>
			JSON.stringify(leanGeoJson(origin, await client.unsafe<LeanRow[]>(LEAN_QUERY)))
		);
		// The same fields kept apart from the texts, as a column written at publication would keep them.
		await client.unsafe(`create unlogged table perf_trail_geo as ${LEAN_QUERY}`);
		const column = await timed(runs, async () =>
			JSON.stringify(
				leanGeoJson(origin, await client.unsafe<LeanRow[]>(`select * from perf_trail_geo order by slug`))
			)
		);
		await client.unsafe(`drop table perf_trail_geo`);
		const http: Download[] = [];
		for (let run = 0; run < runs; run++) http.push(await download(`${origin}/api/trails.geojson`));
		return {
			runs,
			ms: {
				postgresAlone: alone.result ? alone.ms : Number.NaN,
				rowsUnparsed: unparsed.ms,
				allPublishedTrails: found.ms,
				features: features.ms,
				stringify: text.ms,
				gzip: gzip.ms,
				httpFirstByte: median(http.map((item) => item.firstByteMs)),
				httpLastByte: median(http.map((item) => item.totalMs)),
				leanQueryAndBuild: lean.ms,
				leanColumnAndBuild: column.ms
			},
			bytes: {
				snapshotsAsText: Number(size?.bytes ?? 0),
				answer: Buffer.byteLength(text.result),
				answerGzip: gzip.result.length,
				leanAnswer: Buffer.byteLength(lean.result),
				transcriptsAndTexts: Number(texts?.bytes ?? 0)
			},
			leanMatches: lean.result === text.result && column.result === text.result
		};
	} finally {
		await client.end({ timeout: 5 });
	}
}

/**
 * Fix 1 as it would answer: the encoded GeoJSON kept in memory, with its gzip made once, written
 * by a plain Node server in a process of its own (no framework, no version check: a lower bound).
 */
export async function keptAnswerServer(body: Buffer): Promise<{ origin: string; stop: () => void }> {
	const folder = mkdtempSync(join(tmpdir(), 'commons-perf-trails-kept-'));
	const file = join(folder, 'trails.geojson');
	writeFileSync(file, body);
	const child = spawn(
		process.execPath,
		[
			'--input-type=commonjs',
			'-e',
			`const { createServer } = require('node:http');
			const raw = require('node:fs').readFileSync(process.argv[1]);
			const gzip = require('node:zlib').gzipSync(raw);
			createServer((request, response) => {
				const zipped = /gzip/.test(request.headers['accept-encoding'] ?? '');
				const answer = zipped ? gzip : raw;
				response.writeHead(200, {
					'content-type': 'application/geo+json; charset=utf-8',
					'content-length': answer.length,
					...(zipped ? { 'content-encoding': 'gzip' } : {})
				});
				response.end(answer);
			}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
			file
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const stop = () => {
		child.kill();
		rmSync(folder, { recursive: true, force: true });
	};
	const port = await new Promise<string>((resolve, reject) => {
		child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
		child.once('exit', (code) => reject(new Error(`the kept-answer server exited with ${code}`)));
	});
	return { origin: `http://127.0.0.1:${port}`, stop };
}
