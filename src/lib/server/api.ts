import { json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import {
	DomainError,
	Forbidden,
	InvalidInput,
	NotFound,
	NotSignedIn,
	Refused,
	TrainingRequired,
	Unavailable
} from './errors';

/** What a use case refused, as the API's JSON answer (see /api/openapi.json); anything else is a 500. */
export function apiFailure(problem: unknown): Response {
	if (!(problem instanceof DomainError)) throw problem;
	if (problem instanceof InvalidInput) {
		return json({ error: 'invalid', message: m.form_has_errors(), issues: problem.issues }, { status: 422 });
	}
	if (problem instanceof NotSignedIn) {
		return json({ error: 'not_signed_in', message: m.error_sign_in_required() }, { status: 401 });
	}
	if (problem instanceof Forbidden)
		return json({ error: 'forbidden', message: m.error_forbidden() }, { status: 403 });
	if (problem instanceof NotFound)
		return json({ error: 'not_found', message: problem.message }, { status: 404 });
	if (problem instanceof TrainingRequired) {
		return json(
			{ error: 'training_required', message: problem.message, module: problem.module },
			{ status: 403 }
		);
	}
	if (problem instanceof Unavailable) {
		return json(
			{ error: 'unavailable', message: problem.message, alternatives: problem.alternatives },
			{ status: 409 }
		);
	}
	const status = problem instanceof Refused ? problem.status : 409;
	return json({ error: problem.code, message: problem.message }, { status });
}

/** The JSON body of a request; one that does not parse is the sender's mistake (422). */
export async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		throw new InvalidInput([{ path: '_', message: m.api_json_unreadable() }]);
	}
}

/** Query parameters as a plain object; empty ones count as absent. */
export function queryOf(url: URL): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [key, value] of url.searchParams) if (value !== '') query[key] = value;
	return query;
}
