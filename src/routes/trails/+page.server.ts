import { app } from '$lib/server/app';
import { listPublishedTrails } from '$lib/server/trails/public-trails';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db, settings } = app();
	const theme = url.searchParams.get('theme') ?? '';
	return {
		theme,
		trails: await listPublishedTrails(db, { theme: theme || undefined }),
		map: settings.map
	};
};
