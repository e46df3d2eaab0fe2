import { sqlStateOf, UNIQUE_VIOLATION } from '../db/errors';

const ATTEMPTS = 5;

/**
 * Runs a creation whose address comes from freeSlug, and again when a creation racing it took that
 * address first: the unique index refuses the later one, which then finds the next free address.
 */
export async function withFreeSlug<T>(create: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await create();
		} catch (problem) {
			if (attempt === ATTEMPTS || sqlStateOf(problem) !== UNIQUE_VIOLATION) throw problem;
		}
	}
}
