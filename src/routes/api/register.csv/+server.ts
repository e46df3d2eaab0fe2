import { app } from '$lib/server/app';
import { registerCsv } from '$lib/server/institutes/register/csv';
import { readRegister } from '$lib/server/institutes/register/read-register';
import type { RequestHandler } from './$types';

/** The public register as one CSV table, one row per award, bounty, pledge and ledger entry. */
export const GET: RequestHandler = async () => {
	const register = await readRegister(app().db, app().institutes().now());
	return new Response(registerCsv(register), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'inline; filename="register.csv"',
			'cache-control': 'public, max-age=60',
			'access-control-allow-origin': '*'
		}
	});
};
