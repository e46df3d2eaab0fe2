import { m } from '$lib/paraglide/messages';
import { InvalidInput } from '../errors';

export type PhotoType = {
	mime: 'image/jpeg' | 'image/png' | 'image/webp';
	extension: 'jpg' | 'png' | 'webp';
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	signature.every((byte, index) => bytes[offset + index] === byte);

/** The photo's type read from its first bytes: what the file says it is does not count. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		return { mime: 'image/png', extension: 'png' };
	}
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
		return { mime: 'image/webp', extension: 'webp' };
	}
	return null;
}

const APP1 = 0xe1;
const START_OF_SCAN = 0xda;

/**
 * A JPEG without its APP1 segments (EXIF and XMP), where phones write the place a photo was taken.
 * Everything from the start of the scan on is copied as it is.
 */
export function withoutJpegMetadata(bytes: Uint8Array): Uint8Array {
	const kept: Uint8Array[] = [bytes.subarray(0, 2)];
	let offset = 2;
	while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
		const marker = bytes[offset + 1];
		if (marker === START_OF_SCAN) break;
		const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
		const end = offset + 2 + length;
		if (length < 2 || end > bytes.length)
			throw new InvalidInput([{ path: 'photo', message: m.photo_unreadable() }]);
		if (marker !== APP1) kept.push(bytes.subarray(offset, end));
		offset = end;
	}
	kept.push(bytes.subarray(offset));
	const result = new Uint8Array(kept.reduce((total, part) => total + part.length, 0));
	let at = 0;
	for (const part of kept) {
		result.set(part, at);
		at += part.length;
	}
	return result;
}

/** A photo checked from its content and size, its location metadata removed, ready to store. */
export function acceptPhoto(bytes: Uint8Array, maxBytes: number): { bytes: Uint8Array; type: PhotoType } {
	if (bytes.length > maxBytes) {
		throw new InvalidInput([
			{ path: 'photo', message: m.photo_too_large({ megabytes: Math.round(maxBytes / 1_000_000) }) }
		]);
	}
	const type = photoTypeOf(bytes);
	if (!type) throw new InvalidInput([{ path: 'photo', message: m.photo_not_an_image() }]);
	return { bytes: type.mime === 'image/jpeg' ? withoutJpegMetadata(bytes) : bytes, type };
}
