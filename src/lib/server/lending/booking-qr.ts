import QRCode from 'qrcode';

/** What the desk's scanner reads: a link to the booking at the desk, carrying its short code. */
export function deskLinkFor(code: string, origin: string): string {
	return `${origin}/admin/desk?code=${code}`;
}

/**
 * A QR code of `link` as an SVG data URL, drawn on the server: it travels inside the page's data,
 * so it shows offline once seen, and no markup from outside the page is ever inserted.
 */
export async function qrDataUrl(link: string, margin: number): Promise<string> {
	const svg = await QRCode.toString(link, { type: 'svg', margin, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The booking's QR code, as the resident shows it at the desk. */
export const bookingQrDataUrl = (code: string, origin: string) => qrDataUrl(deskLinkFor(code, origin), 2);
