import type { RequestEvent } from '@sveltejs/kit';
import { app } from './app';
import type { AuthDeps, Caller } from './auth/flows';
import type { LendingContext } from './lending/context';

export function callerOf(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): Caller {
	return { headers: event.request.headers, clientAddress: event.getClientAddress() };
}

export function authDeps(): AuthDeps {
	return { auth: app().auth };
}

export function lendingContext(): LendingContext {
	return app().lending();
}
