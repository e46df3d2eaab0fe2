import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { m } from '$lib/paraglide/messages';
import { emailOnlySchema, signInSchema, signUpSchema } from '../accounts/schemas';
import type { Database } from '../db/client';
import { InvalidInput } from '../errors';
import { parseInput } from '../forms';
import { clientAddressOf } from './client-address';
import { authLimits, limitKeys } from './limits';
import { consume, peek, type RateDecision, type RateRule } from './rate-limit';

type Check = { key: string; rule: RateRule; count: boolean };

/** What each better-auth endpoint must pass before it runs: its input, then its limits. */
function checksFor(path: string, body: unknown, address: string): Check[] | null {
	const everyAttempt = { key: limitKeys.address(address), rule: authLimits.attemptsPerAddress, count: true };
	switch (path) {
		case '/sign-in/email': {
			const { email } = parseInput(signInSchema, body);
			const failures = limitKeys.failedPasswords(email);
			return [everyAttempt, { key: failures, rule: authLimits.failedPasswordsPerAccount, count: false }];
		}
		case '/sign-in/magic-link':
		case '/request-password-reset': {
			const { email } = parseInput(emailOnlySchema, body);
			return [everyAttempt, { key: limitKeys.mails(email), rule: authLimits.mailsPerRecipient, count: true }];
		}
		case '/sign-up/email':
			parseInput(signUpSchema, body);
			return [
				everyAttempt,
				{ key: limitKeys.signUps(address), rule: authLimits.signUpsPerAddress, count: true }
			];
		default:
			return null;
	}
}

function tooMany(decision: RateDecision, rule: RateRule): never {
	const minutes = Math.max(1, Math.ceil((decision.retryAfter ?? rule.window) / 60));
	throw new APIError('TOO_MANY_REQUESTS', {
		code: 'RATE_LIMITED',
		message: m.auth_rate_limited({ minutes })
	});
}

/**
 * One gate for the forms and for better-auth's own HTTP endpoints alike: the same validation
 * (localized messages) and the same limits, kept in Postgres so every instance shares them.
 */
export function authGuard(db: Database) {
	return {
		before: createAuthMiddleware(async (ctx) => {
			let checks: Check[] | null;
			try {
				checks = checksFor(ctx.path, ctx.body, clientAddressOf(ctx.headers));
			} catch (problem) {
				if (!(problem instanceof InvalidInput)) throw problem;
				throw new APIError('BAD_REQUEST', {
					code: 'INVALID_INPUT',
					message: m.form_has_errors(),
					issues: problem.issues
				});
			}
			for (const check of checks ?? []) {
				const decision = check.count
					? await consume(db, check.key, check.rule)
					: await peek(db, check.key, check.rule);
				if (!decision.allowed) tooMany(decision, check.rule);
			}
		}),
		after: createAuthMiddleware(async (ctx) => {
			const failed = isAPIError(ctx.context.returned) && ctx.context.returned.statusCode === 401;
			if (ctx.path !== '/sign-in/email' || !failed) return;
			const { email } = parseInput(signInSchema, ctx.body);
			await consume(db, limitKeys.failedPasswords(email), authLimits.failedPasswordsPerAccount);
		})
	};
}
