import QRCode from 'qrcode';

/** What the desk's scanner reads: a link to the booking at the desk, carrying its short code. */
export function deskLinkFor(code: string, origin: string): string {
	return `${origin}/admin/desk?code=${code}`;
}

/**
 * The booking's QR code as an SVG data URL, drawn on the server: it travels inside the page's data,
 * so it shows offline once seen, and no markup from outside the page is ever inserted.
 */
export async function bookingQrDataUrl(code: string, origin: string): Promise<string> {
	const svg = await QRCode.toString(deskLinkFor(code, origin), {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M'
	});
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
