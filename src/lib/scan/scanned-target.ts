import { looksLikeBookingCode, normalizeBookingCode } from '../lending/booking-code-format';

/** A link the desk printed or mailed: only its code or tag is read, never where it points. */
function deskLinkParts(text: string) {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	if (url.pathname !== '/admin/desk') return null;
	return { code: url.searchParams.get('code'), tag: url.searchParams.get('tag') };
}

/**
 * Where the desk goes with what the camera read: a desk link (a resident's booking QR, or a unit's
 * asset label, printed under this address or another) opens its code or tag here; a bare booking
 * code is opened; other links become a search; anything else is taken for an asset tag. The
 * desk's site is kept, so that staff come back to their own day.
 */
export function deskPathFor(scanned: string, site?: string): string {
	const text = scanned.trim();
	const query = new URLSearchParams(site ? { site } : {});
	const parts = /^https?:\/\//i.test(text) ? deskLinkParts(text) : undefined;
	if (parts === undefined && looksLikeBookingCode(text)) query.set('code', normalizeBookingCode(text));
	else if (parts === undefined) query.set('tag', text.slice(0, 60));
	else if (parts?.code) query.set('code', parts.code.slice(0, 40));
	else if (parts?.tag) query.set('tag', parts.tag.slice(0, 60));
	else query.set('q', text.slice(0, 100));
	return `/admin/desk?${query}`;
}
