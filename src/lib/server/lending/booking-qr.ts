import QRCode from 'qrcode';

/** What the desk's scanner reads: a link to the booking at the desk, carrying its short code. */
export function deskLinkFor(code: string, origin: string): string {
	return `${origin}/admin/desk?code=${code}`;
}

/** The booking's QR code as inline SVG, drawn on the server so it shows offline once seen. */
export async function bookingQrSvg(code: string, origin: string): Promise<string> {
	return QRCode.toString(deskLinkFor(code, origin), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}
