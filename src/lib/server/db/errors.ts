/** The SQLSTATE of a database error, wherever the driver or drizzle wrapped it. */
export function sqlStateOf(problem: unknown): string | undefined {
	for (let current = problem, depth = 0; current && depth < 5; depth++) {
		if (typeof current !== 'object') return undefined;
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

export const EXCLUSION_VIOLATION = '23P01';
export const UNIQUE_VIOLATION = '23505';
