import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from './errors';
import { formFailure, pageFailure, safeReturnPath } from './http';

describe('safeReturnPath', () => {
	it('keeps same-site paths', () => {
		expect(safeReturnPath('/account?tab=1')).toBe('/account?tab=1');
		expect(safeReturnPath('/admin/people?q=l%C3%A9a#top')).toBe('/admin/people?q=l%C3%A9a#top');
	});

	it('refuses other hosts and odd schemes', () => {
		for (const bad of [
			'https://evil.example',
			'//evil.example/x',
			'/\\evil.example',
			'/\t/evil.example/x',
			'/\n/evil.example',
			'javascript:alert(1)',
			'',
			null
		]) {
			expect(safeReturnPath(bad, '/fallback')).toBe('/fallback');
		}
	});
});

describe('formFailure', () => {
	it('maps each refusal to its 4xx status', () => {
		expect(formFailure(new InvalidInput([{ path: 'email', message: 'bad' }])).status).toBe(400);
		expect(formFailure(new NotSignedIn()).status).toBe(401);
		expect(formFailure(new Forbidden('x')).status).toBe(403);
		expect(formFailure(new NotFound('x')).status).toBe(404);
		expect(formFailure(new Refused('rate_limited', 'slow down', 429)).status).toBe(429);
		expect(formFailure(new Refused('invalid_credentials', 'no', 400)).status).toBe(400);
		expect(formFailure(new Refused('last_admin', 'no')).status).toBe(409);
	});

	it('hands field messages to the form and keeps what was typed', () => {
		const failure = formFailure(new InvalidInput([{ path: 'email', message: 'Bad address' }]), {
			email: 'x@'
		});
		expect(failure.data.errors).toEqual({ email: 'Bad address' });
		expect(failure.data.values).toEqual({ email: 'x@' });
	});

	it('does not hide real failures', () => {
		expect(() => formFailure(new Error('database down'))).toThrow('database down');
	});
});

describe('pageFailure', () => {
	it('turns a refusal into an HTTP error with its status', () => {
		try {
			pageFailure(new Forbidden('x'));
		} catch (problem) {
			expect(isHttpError(problem) && problem.status).toBe(403);
			return;
		}
		throw new Error('pageFailure returned');
	});
});
