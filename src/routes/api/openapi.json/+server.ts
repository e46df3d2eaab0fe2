import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { openApiDocument } from '$lib/server/openapi/document';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	json(openApiDocument(app().settings), { headers: { 'cache-control': 'public, max-age=300' } });
