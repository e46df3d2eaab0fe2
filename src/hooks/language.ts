import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import '$lib/server/i18n/account-locale';

/**
 * The page language: the account's, else the cookie set by the switcher, else Accept-Language,
 * else French. `<html lang>` follows it, and the browser reads it back from there.
 */
export const language: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, async ({ locale }) => {
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
		try {
			response.headers.set('Content-Language', locale);
			response.headers.append('Vary', 'Cookie, Accept-Language');
		} catch {
			// Immutable headers (a proxied fetch): nothing to add.
		}
		return response;
	});
