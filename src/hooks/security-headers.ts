import type { Handle } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { allowFraming, allowTileOrigin } from './csp';

/** Headers every answer carries; the Content-Security-Policy itself comes from svelte.config.js. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	const set = (name: string, value: string) => {
		if (!headers.has(name)) headers.set(name, value);
	};
	try {
		const embeddable = event.url.pathname.startsWith('/embed/');
		const policy = headers.get('content-security-policy');
		if (policy) {
			const withTiles = allowTileOrigin(policy, config().map.tileUrl);
			headers.set('content-security-policy', embeddable ? allowFraming(withTiles) : withTiles);
		}
		set('X-Content-Type-Options', 'nosniff');
		set('Referrer-Policy', 'strict-origin-when-cross-origin');
		if (!embeddable) set('X-Frame-Options', 'DENY');
		set('Cross-Origin-Opener-Policy', 'same-origin');
		set('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()');
		if (event.url.protocol === 'https:') {
			set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
		}
	} catch {
		// Some responses (a fetch passed through unchanged) have immutable headers; they are not ours to dress.
	}
	return response;
};
