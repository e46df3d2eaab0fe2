const BOOKING_CODE = /^[A-HJ-NP-Z2-9]{6}$/;

/** Six letters and digits of the booking alphabet, however typed (case, spaces, dashes). */
export const looksLikeBookingCode = (typed: string) =>
	BOOKING_CODE.test(typed.toUpperCase().replace(/[\s-]/g, ''));

/**
 * Where the desk goes with what the camera read: a portal link (a resident's booking QR, or a unit's
 * asset label) is followed on this site, a bare booking code is opened, and anything else is taken
 * for a unit's asset tag. A link to another site is never followed.
 */
export function deskPathFor(scanned: string, origin: string): string {
	const text = scanned.trim();
	if (/^https?:\/\//i.test(text)) {
		const url = new URL(text);
		const code = url.searchParams.get('code');
		const tag = url.searchParams.get('tag');
		if (url.origin === origin && url.pathname === '/admin/desk' && (code || tag)) {
			return code
				? `/admin/desk?code=${encodeURIComponent(code)}`
				: `/admin/desk?tag=${encodeURIComponent(tag ?? '')}`;
		}
		return `/admin/desk?q=${encodeURIComponent(text.slice(0, 100))}`;
	}
	if (looksLikeBookingCode(text)) return `/admin/desk?code=${text.toUpperCase().replace(/[\s-]/g, '')}`;
	return `/admin/desk?tag=${encodeURIComponent(text.slice(0, 60))}`;
}
