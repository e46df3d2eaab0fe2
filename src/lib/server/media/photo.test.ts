import { describe, expect, it } from 'vitest';
import { acceptPhoto, exifOrientation, photoTypeOf } from './photo';

const bytesOf = (text: string) => [...text].map((character) => character.charCodeAt(0));
const u32be = (value: number) => [
	(value >>> 24) & 255,
	(value >>> 16) & 255,
	(value >>> 8) & 255,
	value & 255
];
const u32le = (value: number) => u32be(value).reverse();
const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** EXIF with the orientation and a GPS pointer, little-endian, as phones write it. */
function exifPayload(orientation: number) {
	return [
		...bytesOf('Exif\0\0'),
		...bytesOf('II*\0'),
		...[8, 0, 0, 0],
		...[2, 0],
		...[0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0],
		...[0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0],
		...[0, 0, 0, 0],
		...bytesOf('GPS 48.39N 4.49W')
	];
}

function jpeg(orientation: number) {
	const exif = exifPayload(orientation);
	const comment = bytesOf('kept');
	return new Uint8Array([
		...[0xff, 0xd8],
		...[0xff, 0xe1, 0, exif.length + 2, ...exif],
		...[0xff, 0xfe, 0, comment.length + 2, ...comment],
		...[0xff, 0xda, 0, 2, 0x11, 0x22, 0xff, 0xd9]
	]);
}

const pngChunk = (kind: string, data: number[]) => [
	...u32be(data.length),
	...bytesOf(kind),
	...data,
	0,
	0,
	0,
	0
];
const webpChunk = (kind: string, data: number[]) => [
	...bytesOf(kind),
	...u32le(data.length),
	...data,
	...(data.length % 2 ? [0] : [])
];

describe('photos lose where they were taken, not how they stand', () => {
	it('keeps a JPEG’s orientation and nothing else of its EXIF', () => {
		const { bytes, type } = acceptPhoto(jpeg(6), 1_000_000);
		expect(type.mime).toBe('image/jpeg');
		expect(text(bytes)).not.toContain('GPS');
		expect(text(bytes)).toContain('kept');
		const app1 = bytes.subarray(6, 4 + ((bytes[4] ?? 0) << 8) + (bytes[5] ?? 0));
		expect(exifOrientation(app1)).toBe(6);
		// Upright already: no EXIF at all.
		expect(text(acceptPhoto(jpeg(1), 1_000_000).bytes)).not.toContain('Exif');
	});

	it('drops a PNG’s EXIF and text chunks', () => {
		const png = new Uint8Array([
			...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
			...pngChunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
			...pngChunk('eXIf', bytesOf('GPS here')),
			...pngChunk('iTXt', bytesOf('XML:com.adobe.xmp GPS')),
			...pngChunk('IEND', [])
		]);
		const kept = text(acceptPhoto(png, 1_000_000).bytes);
		expect(kept).not.toContain('GPS');
		expect(kept).toContain('IHDR');
		expect(kept).toContain('IEND');
	});

	it('drops a WebP’s EXIF and XMP chunks and says so in its header', () => {
		const chunks = [
			...webpChunk('VP8X', [0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
			...webpChunk('VP8 ', [1, 2, 3]),
			...webpChunk('EXIF', bytesOf('GPS here')),
			...webpChunk('XMP ', bytesOf('GPS too'))
		];
		const webp = new Uint8Array([
			...bytesOf('RIFF'),
			...u32le(chunks.length + 4),
			...bytesOf('WEBP'),
			...chunks
		]);
		const kept = acceptPhoto(webp, 1_000_000).bytes;
		expect(text(kept)).not.toContain('GPS');
		expect(photoTypeOf(kept)?.mime).toBe('image/webp');
		const view = new DataView(kept.buffer, kept.byteOffset);
		expect(view.getUint32(4, true)).toBe(kept.length - 8);
		expect(kept[20]).toBe(0);
	});

	it('refuses what is not a photo, or too large, in the person’s language', () => {
		expect(() => acceptPhoto(new TextEncoder().encode('<svg/>'), 1000)).toThrow(/photo/);
		expect(() => acceptPhoto(jpeg(1), 10)).toThrow(/photo/);
	});
});
