import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/flows';
import { authDeps, callerOf } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	if (event.locals.person) await signOut(authDeps(), callerOf(event));
	redirect(303, '/');
};
