// What a phone downloads to show a trail page: the page loaded cold in headless Chromium, map tiles
// answered here (nothing leaves the machine), until the map is drawn with its line and every stop;
// then the bytes of every script as served (the build's precompressed brotli or gzip files).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Response } from 'playwright-core';

// One grey pixel, as the end-to-end tests answer tiles (tests/e2e/tiles.ts).
const GREY_TILE = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPo6OgAAAMEAYFL09IQAAAAAElFTkSuQmCC',
	'base64'
);

export type ScriptLoad = {
	path: string;
	encoding: string;
	/** Body bytes as transferred (compressed). */
	bytes: number;
	/** Response header bytes. */
	headerBytes: number;
	/** Bytes once decompressed. */
	decodedBytes: number;
	/** The precompressed file the server should have sent, when it is there. */
	onDiskBytes: number | null;
	/** Not named by the HTML or its Link header: fetched later by an import(). */
	lazy: boolean;
	leaflet: boolean;
};

export type PageWeight = {
	slug: string;
	stops: number;
	drawnMs: number;
	scripts: ScriptLoad[];
	jsBytes: number;
	jsWithHeadersBytes: number;
	jsDecodedBytes: number;
	leafletBytes: number;
	cssBytes: number;
	documentBytes: number;
	requests: Record<string, number>;
};

export async function pageWeight(origin: string, slug: string, stops: number, buildDir: string) {
	const browser = await chromium.launch({
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
	});
	try {
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true,
			locale: 'fr-FR',
			// The worker precaches the whole app after the first visit: counted apart (precacheBytes).
			serviceWorkers: 'block',
			extraHTTPHeaders: { 'accept-encoding': 'br, gzip' }
		});
		await context.route('https://tiles.invalid/**', (route) =>
			route.fulfill({
				contentType: 'image/png',
				headers: { 'access-control-allow-origin': '*' },
				body: GREY_TILE
			})
		);
		const page = await context.newPage();
		const responses: Response[] = [];
		page.on('response', (response) => void responses.push(response));
		const started = performance.now();
		const answer = await page.goto(`${origin}/trails/${slug}`, { waitUntil: 'load' });
		if (!answer?.ok()) throw new Error(`/trails/${slug} answered ${answer?.status()}`);
		const map = page.getByTestId('trail-map');
		await map.locator('.leaflet-tile-loaded').first().waitFor({ timeout: 30_000 });
		await map.locator('path.leaflet-interactive').first().waitFor({ timeout: 30_000 });
		await page.waitForFunction(
			(count) => document.querySelectorAll('[data-testid="trail-map"] .leaflet-marker-icon').length >= count,
			stops,
			{ timeout: 30_000 }
		);
		const drawnMs = performance.now() - started;
		await page.waitForLoadState('networkidle');

		const html = await answer.text();
		const named = new Set(
			[
				...[...(answer.headers()['link'] ?? '').matchAll(/<([^>]+)>/g)].map((match) => match[1]),
				...[...html.matchAll(/(?:href|src)="([^"]+\.js)"/g)].map((match) => match[1]),
				...[...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((match) => match[1])
			]
				.filter((href): href is string => typeof href === 'string')
				.map((href) => new URL(href, origin).pathname)
		);
		const scripts: ScriptLoad[] = [];
		const requests: Record<string, number> = {};
		let cssBytes = 0;
		let documentBytes = 0;
		for (const response of responses) {
			const request = response.request();
			const type = request.resourceType();
			requests[type] = (requests[type] ?? 0) + 1;
			const sizes = await request.sizes();
			if (type === 'stylesheet') cssBytes += sizes.responseBodySize;
			if (type === 'document') documentBytes += sizes.responseBodySize;
			const url = new URL(response.url());
			const isScript = type === 'script' || /javascript/.test(response.headers()['content-type'] ?? '');
			if (!isScript || url.origin !== origin) continue;
			const encoding = response.headers()['content-encoding'] ?? 'identity';
			const body = await response.body();
			const file = join(buildDir, 'client', url.pathname);
			const compressed = `${file}${encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : ''}`;
			scripts.push({
				path: url.pathname,
				encoding,
				bytes: sizes.responseBodySize,
				headerBytes: sizes.responseHeadersSize,
				decodedBytes: body.length,
				onDiskBytes: existsSync(compressed) ? statSync(compressed).size : null,
				lazy: !named.has(url.pathname),
				leaflet: body.includes('leafletjs.com')
			});
		}
		const sum = (items: ScriptLoad[], pick: (item: ScriptLoad) => number) =>
			items.reduce((total, item) => total + pick(item), 0);
		const weight: PageWeight = {
			slug,
			stops,
			drawnMs,
			scripts,
			jsBytes: sum(scripts, (item) => item.bytes),
			jsWithHeadersBytes: sum(scripts, (item) => item.bytes + item.headerBytes),
			jsDecodedBytes: sum(scripts, (item) => item.decodedBytes),
			leafletBytes: sum(
				scripts.filter((item) => item.leaflet),
				(item) => item.bytes
			),
			cssBytes,
			documentBytes,
			requests
		};
		await context.close();
		return weight;
	} finally {
		await browser.close();
	}
}

/**
 * What the service worker fetches on install besides: it precaches the whole built app. Here its
 * scripts, brotli as served, read from the build.
 */
export function precacheScriptBytes(buildDir: string): { files: number; bytes: number } {
	const root = join(buildDir, 'client', '_app', 'immutable');
	const scripts = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
		file.endsWith('.js')
	);
	const bytes = scripts.reduce((total, file) => {
		const path = join(root, file);
		return total + (existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size);
	}, 0);
	return { files: scripts.length, bytes };
}
