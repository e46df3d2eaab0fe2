import type { ParamMatcher } from '@sveltejs/kit';

/** The kinds of things moderators review, as they appear in their addresses. */
export const match = ((param: string): param is 'trails' | 'projects' =>
	param === 'trails' || param === 'projects') satisfies ParamMatcher;
