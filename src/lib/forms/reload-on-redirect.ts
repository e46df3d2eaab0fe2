import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For forms that sign someone in or out: the next page must be drawn whole (their language,
 * their header), so a redirect becomes a real page load instead of a client-side navigation.
 */
export const reloadOnRedirect: SubmitFunction = () => {
	return async ({ result, update }) => {
		if (result.type === 'redirect') location.assign(result.location);
		else await update();
	};
};
