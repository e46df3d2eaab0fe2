import { m } from '$lib/paraglide/messages';
import { InvalidInput } from '../errors';

export type PhotoType = {
	mime: 'image/jpeg' | 'image/png' | 'image/webp';
	extension: 'jpg' | 'png' | 'webp';
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (bytes: Uint8Array, offset: number, length: number) =>
	String.fromCharCode(...bytes.subarray(offset, offset + length));

/** The photo's type read from its first bytes: what the file says it is does not count. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		return { mime: 'image/png', extension: 'png' };
	}
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
		return { mime: 'image/webp', extension: 'webp' };
	return null;
}

const unreadable = () => new InvalidInput([{ path: 'photo', message: m.photo_unreadable() }]);

function concat(parts: Uint8Array[]): Uint8Array {
	const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let at = 0;
	for (const part of parts) {
		result.set(part, at);
		at += part.length;
	}
	return result;
}

const APP1 = 0xe1;
const START_OF_SCAN = 0xda;
const ORIENTATION_TAG = 0x0112;

/** The EXIF orientation (1–8) in an APP1 segment's payload, or null when it has none. */
export function exifOrientation(payload: Uint8Array): number | null {
	if (ascii(payload, 0, 6) !== 'Exif\0\0') return null;
	const tiff = payload.subarray(6);
	const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
	if (tiff.length < 8) return null;
	const little = ascii(tiff, 0, 2) === 'II';
	const ifd = view.getUint32(4, little);
	if (ifd + 2 > tiff.length) return null;
	const entries = view.getUint16(ifd, little);
	for (let index = 0; index < entries; index += 1) {
		const entry = ifd + 2 + index * 12;
		if (entry + 12 > tiff.length) return null;
		if (view.getUint16(entry, little) === ORIENTATION_TAG) {
			const value = view.getUint16(entry + 8, little);
			return value >= 1 && value <= 8 ? value : null;
		}
	}
	return null;
}

/** An APP1 segment holding nothing but the orientation, so a portrait photo stays upright. */
function orientationSegment(orientation: number): Uint8Array {
	const payload = [
		...[0x45, 0x78, 0x69, 0x66, 0, 0], // "Exif\0\0"
		...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], // big-endian TIFF, first directory at 8
		...[0, 1], // one entry
		...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0], // orientation, SHORT, 1 value
		...[0, 0, 0, 0] // no next directory
	];
	return new Uint8Array([0xff, APP1, 0, payload.length + 2, ...payload]);
}

/**
 * A JPEG without its APP1 segments (EXIF and XMP), where phones write the place a photo was taken
 * and the camera's serial number; only the orientation is written back. Everything from the start
 * of the scan on is copied as it is.
 */
export function withoutJpegMetadata(bytes: Uint8Array): Uint8Array {
	const kept: Uint8Array[] = [];
	let orientation: number | null = null;
	let offset = 2;
	while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
		const marker = bytes[offset + 1];
		if (marker === START_OF_SCAN) break;
		const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
		const end = offset + 2 + length;
		if (length < 2 || end > bytes.length) throw unreadable();
		if (marker === APP1) orientation ??= exifOrientation(bytes.subarray(offset + 4, end));
		else kept.push(bytes.subarray(offset, end));
		offset = end;
	}
	const upright = orientation && orientation !== 1 ? [orientationSegment(orientation)] : [];
	return concat([bytes.subarray(0, 2), ...upright, ...kept, bytes.subarray(offset)]);
}

/** PNG chunks that can carry where and by what a picture was taken: EXIF and text (XMP). */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt']);

/** A PNG without its EXIF and text chunks. */
export function withoutPngMetadata(bytes: Uint8Array): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const kept: Uint8Array[] = [bytes.subarray(0, 8)];
	let offset = 8;
	while (offset + 12 <= bytes.length) {
		const end = offset + 12 + view.getUint32(offset);
		if (end > bytes.length) throw unreadable();
		if (!PNG_METADATA.has(ascii(bytes, offset + 4, 4))) kept.push(bytes.subarray(offset, end));
		offset = end;
	}
	return concat(kept);
}

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/** A WebP without its EXIF and XMP chunks, its header saying so. */
export function withoutWebpMetadata(bytes: Uint8Array): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const kept: Uint8Array[] = [];
	let offset = 12;
	while (offset + 8 <= bytes.length) {
		const size = view.getUint32(offset + 4, true);
		const end = offset + 8 + size + (size % 2);
		if (end > bytes.length) throw unreadable();
		const kind = ascii(bytes, offset, 4);
		if (kind === 'VP8X') {
			const chunk = bytes.slice(offset, end);
			chunk[8] = (chunk[8] ?? 0) & ~(VP8X_EXIF | VP8X_XMP);
			kept.push(chunk);
		} else if (kind !== 'EXIF' && kind !== 'XMP ') kept.push(bytes.subarray(offset, end));
		offset = end;
	}
	const body = concat(kept);
	const header = new Uint8Array(12);
	header.set(bytes.subarray(0, 12));
	new DataView(header.buffer).setUint32(4, body.length + 4, true);
	return concat([header, body]);
}

const strippers = {
	'image/jpeg': withoutJpegMetadata,
	'image/png': withoutPngMetadata,
	'image/webp': withoutWebpMetadata
};

/** A photo checked from its content and size, its location metadata removed, ready to store. */
export function acceptPhoto(bytes: Uint8Array, maxBytes: number): { bytes: Uint8Array; type: PhotoType } {
	if (bytes.length > maxBytes) {
		throw new InvalidInput([
			{ path: 'photo', message: m.photo_too_large({ megabytes: Math.round(maxBytes / 1_000_000) }) }
		]);
	}
	const type = photoTypeOf(bytes);
	if (!type) throw new InvalidInput([{ path: 'photo', message: m.photo_not_an_image() }]);
	return { bytes: strippers[type.mime](bytes), type };
}
