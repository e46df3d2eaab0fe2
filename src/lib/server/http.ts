import { error, fail, isRedirect, type ActionFailure } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { DomainError, Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from './errors';
import { fieldErrors } from './forms';

export type FormFailure = {
	message?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
};

function statusOf(problem: DomainError): number {
	if (problem instanceof InvalidInput) return 400;
	if (problem instanceof NotSignedIn) return 401;
	if (problem instanceof Forbidden) return 403;
	if (problem instanceof NotFound) return 404;
	if (problem instanceof Refused) return problem.status;
	return 409;
}

function messageOf(problem: DomainError): string {
	if (problem instanceof InvalidInput) return m.form_has_errors();
	if (problem instanceof NotSignedIn) return m.error_sign_in_required();
	if (problem instanceof Forbidden) return m.error_forbidden();
	if (problem instanceof NotFound) return m.error_not_found();
	return problem.message;
}

/** Turns what a use case refused into the form's answer; anything else is a real failure. */
export function formFailure(
	problem: unknown,
	values: Record<string, string> = {}
): ActionFailure<FormFailure> {
	if (!(problem instanceof DomainError)) throw problem;
	return fail(statusOf(problem), {
		message: messageOf(problem),
		errors: problem instanceof InvalidInput ? fieldErrors(problem.issues) : undefined,
		values
	});
}

/** The same for a page load or an endpoint: a 4xx page instead of a 500. */
export function pageFailure(problem: unknown): never {
	if (isRedirect(problem) || !(problem instanceof DomainError)) throw problem;
	error(statusOf(problem), messageOf(problem));
}

const PLACEHOLDER_ORIGIN = 'http://portal.invalid';

/** Control characters, which URL parsers drop, and backslashes, which they read as slashes. */
const isMisreadByBrowsers = (character: string) => {
	const code = character.charCodeAt(0);
	return code < 0x20 || code === 0x7f || character === '\\';
};

/**
 * Only a path on this site may be a place to go back to. Browsers drop tabs and newlines from
 * URLs and read backslashes as slashes, so "/\t/evil.example" would become "//evil.example":
 * resolve the candidate as a browser would and keep it only if it stays on our origin.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate || !candidate.startsWith('/') || [...candidate].some(isMisreadByBrowsers)) return fallback;
	let url: URL;
	try {
		url = new URL(candidate, PLACEHOLDER_ORIGIN);
	} catch {
		return fallback;
	}
	if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search + url.hash;
}
