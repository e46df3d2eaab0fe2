import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readRegister } from '$lib/server/institutes/register/read-register';
import type { RequestHandler } from './$types';

/** The public register, with the whole ledger so that anyone can recompute its chain. */
export const GET: RequestHandler = async () => {
	const register = await readRegister(app().db, app().institutes().now());
	return json(register, {
		headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' }
	});
};
