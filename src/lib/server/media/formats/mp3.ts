import { ascii, viewOf } from './bytes';

/** One MPEG audio frame header, as far as its length and sample count go. */
type Frame = {
	version: 1 | 2 | 2.5;
	layer: 1 | 2 | 3;
	sampleRate: number;
	samples: number;
	length: number;
	mono: boolean;
};

const BITRATES_KBPS: Record<string, readonly number[]> = {
	'1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
	'1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
	'1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	'2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
	'2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
	'2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
};
const SAMPLE_RATES = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 2.5: [11025, 12000, 8000] };
const VERSIONS = [2.5, null, 2, 1] as const;
const LAYERS = [null, 3, 2, 1] as const;

/** The frame header at `offset`, or null when there is none (free-format frames included). */
function frameAt(bytes: Uint8Array, offset: number): Frame | null {
	if (offset < 0 || offset + 4 > bytes.length || bytes[offset] !== 0xff) return null;
	const header = viewOf(bytes).getUint32(offset);
	if (header >>> 21 !== 0x7ff) return null;
	const version = VERSIONS[(header >>> 19) & 3];
	const layer = LAYERS[(header >>> 17) & 3];
	if (!version || !layer) return null;
	const kbps = BITRATES_KBPS[`${version === 1 ? 1 : 2}-${layer}`]?.[(header >>> 12) & 15];
	const sampleRate = SAMPLE_RATES[version][(header >>> 10) & 3];
	if (!kbps || !sampleRate) return null;
	const padding = (header >>> 9) & 1;
	const samples = layer === 1 ? 384 : layer === 3 && version !== 1 ? 576 : 1152;
	// Layer I counts in 4-byte slots, the others in bytes.
	const slot = layer === 1 ? 4 : 1;
	const length = (Math.floor(((samples / 8 / slot) * kbps * 1000) / sampleRate) + padding) * slot;
	return { version, layer, sampleRate, samples, length, mono: ((header >>> 6) & 3) === 3 };
}

const sameStream = (a: Frame, b: Frame) =>
	a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;

/** Where the audio starts: after any ID3v2 tags, which carry titles and cover pictures. */
function afterId3Tags(bytes: Uint8Array): number {
	let offset = 0;
	while (offset + 10 <= bytes.length && ascii(bytes, offset, 3) === 'ID3') {
		const sizeBytes = bytes.subarray(offset + 6, offset + 10);
		if (sizeBytes.some((byte) => byte > 0x7f)) return offset;
		const size = sizeBytes.reduce((total, byte) => total * 128 + byte, 0);
		const footer = ((bytes[offset + 5] ?? 0) & 0x10) !== 0 ? 10 : 0;
		offset += 10 + size + footer;
	}
	return offset;
}

/** A frame that the next frame follows (or the file ends with), so stray 0xFF bytes do not count. */
function confirmedFrameAt(bytes: Uint8Array, offset: number): Frame | null {
	const frame = frameAt(bytes, offset);
	if (!frame) return null;
	const next = offset + frame.length;
	if (next === bytes.length) return frame;
	const following = frameAt(bytes, next);
	return following && sameStream(frame, following) ? frame : null;
}

// Taggers may leave padding after the tag; beyond that the file is something else.
const SEARCH_AFTER_TAG = 4096;

/** The first audio frame of an MP3, or null when the content is not one. */
function firstFrame(bytes: Uint8Array): { offset: number; frame: Frame } | null {
	const start = afterId3Tags(bytes);
	const end = start === 0 ? 1 : Math.min(bytes.length, start + SEARCH_AFTER_TAG);
	for (let offset = start; offset < end; offset += 1) {
		const frame = confirmedFrameAt(bytes, offset);
		if (frame) return { offset, frame };
	}
	return null;
}

export const isMp3 = (bytes: Uint8Array) => firstFrame(bytes) !== null;

/** Frames and gapless trim from a Xing/Info header, which encoders write into the first frame. */
function xingSamples(bytes: Uint8Array, offset: number, frame: Frame): number | null {
	const sideInfo = frame.version === 1 ? (frame.mono ? 17 : 32) : frame.mono ? 9 : 17;
	const at = offset + 4 + sideInfo;
	if (frame.layer !== 3 || at + 12 > bytes.length) return null;
	if (!['Xing', 'Info'].includes(ascii(bytes, at, 4))) return null;
	const view = viewOf(bytes);
	const flags = view.getUint32(at + 4);
	if ((flags & 1) === 0) return null;
	const frames = view.getUint32(at + 8);
	if (frames === 0) return null;
	const total = frames * frame.samples;
	const lame = at + 12 + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
	if (lame + 24 > bytes.length || !/^(LAME|Lav[cf])/.test(ascii(bytes, lame, 4))) return total;
	const [a = 0, b = 0, c = 0] = bytes.subarray(lame + 21, lame + 24);
	const trimmed = total - ((a << 4) | (b >> 4)) - (((b & 0x0f) << 8) | c);
	return trimmed > 0 ? trimmed : total;
}

/** Frames from a VBRI header, which Fraunhofer encoders write 32 bytes into the first frame. */
function vbriSamples(bytes: Uint8Array, offset: number, frame: Frame): number | null {
	const at = offset + 36;
	if (at + 18 > bytes.length || ascii(bytes, at, 4) !== 'VBRI') return null;
	const frames = viewOf(bytes).getUint32(at + 14);
	return frames > 0 ? frames * frame.samples : null;
}

/** Every whole frame counted, skipping what is not one (an ID3v1 tag, damage). */
function walkedSamples(bytes: Uint8Array, offset: number, first: Frame): number {
	let samples = 0;
	let at = offset;
	while (at + 4 <= bytes.length) {
		const frame = frameAt(bytes, at);
		if (frame && sameStream(frame, first) && at + frame.length <= bytes.length) {
			samples += frame.samples;
			at += frame.length;
		} else at += 1;
	}
	return samples;
}

export function mp3DurationSeconds(bytes: Uint8Array): number | null {
	const found = firstFrame(bytes);
	if (!found) return null;
	const { offset, frame } = found;
	const samples =
		xingSamples(bytes, offset, frame) ??
		vbriSamples(bytes, offset, frame) ??
		walkedSamples(bytes, offset, frame);
	return samples / frame.sampleRate;
}
