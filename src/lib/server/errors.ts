/** Failures a use case reports on purpose; routes turn them into 4xx answers, never a 500. */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = new.target.name;
	}
}

export class NotSignedIn extends DomainError {
	constructor() {
		super('not_signed_in', 'Sign-in required');
	}
}

export class Forbidden extends DomainError {
	constructor(action: string) {
		super('forbidden', `Not allowed: ${action}`);
	}
}

export class NotFound extends DomainError {
	constructor(what: string) {
		super('not_found', `${what} not found`);
	}
}

export type Issue = { path: string; message: string };

export class InvalidInput extends DomainError {
	constructor(readonly issues: Issue[]) {
		super('invalid', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
	}
}

/** The request is well-formed but the current state of things refuses it (409 unless said). */
export class Refused extends DomainError {
	constructor(
		code: string,
		message: string,
		readonly status: 400 | 401 | 403 | 409 | 429 = 409
	) {
		super(code, message);
	}
}

/** The item is no longer free for the period; what could be booked instead goes with the refusal. */
export class Unavailable<Alternatives = unknown> extends Refused {
	constructor(
		message: string,
		readonly alternatives: Alternatives
	) {
		super('unavailable', message, 409);
	}
}

/** The item needs a training module the person has not completed yet. */
export class TrainingRequired extends Refused {
	constructor(
		message: string,
		readonly module: { slug: string; title: string }
	) {
		super('training_required', message, 403);
	}
}
