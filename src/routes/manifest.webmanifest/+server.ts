import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { config } from '$lib/server/config';
import { webManifest } from '$lib/server/pwa/manifest';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	json(webManifest(config().cityName, getLocale()), {
		headers: { 'Content-Type': 'application/manifest+json', 'Cache-Control': 'public, max-age=3600' }
	});
