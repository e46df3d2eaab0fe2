import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQrLuminance, luminanceOf } from './decode';
import { deskPathFor } from './scanned-target';

/** An RGBA picture of a QR code: dark modules, a white quiet zone, `scale` pixels per module. */
function qrPicture(text: string, scale = 4, tint: [number, number, number] = [20, 30, 90]) {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const side = (modules.size + 8) * scale;
	const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
	for (let row = 0; row < modules.size; row += 1) {
		for (let column = 0; column < modules.size; column += 1) {
			if (!modules.get(row, column)) continue;
			for (let y = 0; y < scale; y += 1) {
				for (let x = 0; x < scale; x += 1) {
					const at = (((row + 4) * scale + y) * side + (column + 4) * scale + x) * 4;
					rgba.set([...tint, 255], at);
				}
			}
		}
	}
	return { rgba, side };
}

describe('reading a QR code without the browser’s own reader (zxing)', () => {
	it('reads a booking QR as the resident’s page shows it', async () => {
		const text = 'https://portail.brest.example/admin/desk?code=K7PX2M';
		const { rgba, side } = qrPicture(text);
		expect(await decodeQrLuminance(luminanceOf(rgba, side, side), side, side)).toBe(text);
	});

	it('reads codes drawn with large, sharp modules, which zxing misses at full size', async () => {
		const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
		for (let index = 0; index < 20; index += 1) {
			const code = Array.from(
				{ length: 6 },
				(_, at) => alphabet[(index * 7 + at * 13) % alphabet.length]
			).join('');
			const text = `http://localhost:4175/admin/desk?code=${code}`;
			const { rgba, side } = qrPicture(text, 8 + (index % 16));
			expect(await decodeQrLuminance(luminanceOf(rgba, side, side), side, side)).toBe(text);
		}
	});

	it('answers null for a picture with no code in it', async () => {
		const blank = new Uint8ClampedArray(200 * 200 * 4).fill(240);
		expect(await decodeQrLuminance(luminanceOf(blank, 200, 200), 200, 200)).toBeNull();
	});

	it('weighs colours as the eye does', () => {
		const grey = luminanceOf(new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]), 3, 1);
		expect([...grey]).toEqual([76, 150, 29]);
	});
});

describe('where the desk goes with what was scanned', () => {
	it('opens the code or tag of a desk link, wherever it was printed', () => {
		expect(deskPathFor('https://portail.brest.example/admin/desk?code=K7PX2M')).toBe(
			'/admin/desk?code=K7PX2M'
		);
		expect(deskPathFor('http://staging.example/admin/desk?tag=BRE-ZH5-CAP-01')).toBe(
			'/admin/desk?tag=BRE-ZH5-CAP-01'
		);
	});

	it('never follows another link, even a broken one: it becomes a search', () => {
		expect(deskPathFor('https://evil.example/login?code=K7PX2M')).toBe(
			`/admin/desk?q=${encodeURIComponent('https://evil.example/login?code=K7PX2M')}`
		);
		expect(deskPathFor('http://')).toBe(`/admin/desk?q=${encodeURIComponent('http://')}`);
	});

	it('opens a bare code, however written, and takes anything else for an asset tag', () => {
		expect(deskPathFor(' k7p-x2m ')).toBe('/admin/desk?code=K7PX2M');
		expect(deskPathFor('BRE-ZH5-CAP-01')).toBe('/admin/desk?tag=BRE-ZH5-CAP-01');
	});

	it('keeps the desk’s site', () => {
		expect(deskPathFor('K7PX2M', 'bellevue')).toBe('/admin/desk?site=bellevue&code=K7PX2M');
	});
});
