import { ascii, uint64, viewOf } from './bytes';

type Box = { type: string; payload: Uint8Array };

/** The boxes directly inside `bytes`; a box that claims more than there is ends the list. */
function boxesIn(bytes: Uint8Array): Box[] {
	const view = viewOf(bytes);
	const boxes: Box[] = [];
	let offset = 0;
	while (offset + 8 <= bytes.length) {
		let size = view.getUint32(offset);
		let header = 8;
		if (size === 1) {
			if (offset + 16 > bytes.length) break;
			size = uint64(view, offset + 8);
			header = 16;
		} else if (size === 0) size = bytes.length - offset;
		if (size < header || offset + size > bytes.length) break;
		boxes.push({
			type: ascii(bytes, offset + 4, 4),
			payload: bytes.subarray(offset + header, offset + size)
		});
		offset += size;
	}
	return boxes;
}

const child = (box: Box | undefined, type: string) =>
	box && boxesIn(box.payload).find((inner) => inner.type === type);

/** The movie box of an ISO BMFF file (MP4, M4A), or null when the content is not one. */
function movieBox(bytes: Uint8Array): Box | null {
	if (ascii(bytes, 4, 4) !== 'ftyp') return null;
	const boxes = boxesIn(bytes);
	if (boxes[0]?.type !== 'ftyp') return null;
	return boxes.find((box) => box.type === 'moov') ?? null;
}

/** The handler of each track: `vide` for video, `soun` for sound. */
function trackHandlers(movie: Box): string[] {
	return boxesIn(movie.payload)
		.filter((box) => box.type === 'trak')
		.map((track) => child(child(track, 'mdia'), 'hdlr'))
		.map((handler) => (handler ? ascii(handler.payload, 8, 4) : ''));
}

/** Whether the file holds video, only sound, or neither (or is no ISO BMFF file at all). */
export function isoBmffContent(bytes: Uint8Array): 'video' | 'audio' | null {
	const movie = movieBox(bytes);
	if (!movie) return null;
	const handlers = trackHandlers(movie);
	if (handlers.includes('vide')) return 'video';
	return handlers.includes('soun') ? 'audio' : null;
}

const MVHD_DURATION = { v0: 16, v1: 24 };
const MEHD_FRAGMENT_DURATION = { v0: 4, v1: 4 };

/** A duration field of a version 0 or version 1 box, in the movie's timescale. */
function timedLength(box: Box, at: { v0: number; v1: number }): number | null {
	const wide = box.payload[0] === 1;
	const offset = wide ? at.v1 : at.v0;
	if (offset + (wide ? 8 : 4) > box.payload.length) return null;
	const view = viewOf(box.payload);
	const value = wide ? uint64(view, offset) : view.getUint32(offset);
	// All ones means "unknown" in both versions.
	return value === 0xffffffff || value >= Number.MAX_SAFE_INTEGER ? null : value;
}

export function isoBmffDurationSeconds(bytes: Uint8Array): number | null {
	const movie = movieBox(bytes);
	const header = child(movie ?? undefined, 'mvhd');
	if (!movie || !header) return null;
	const timescaleAt = header.payload[0] === 1 ? 20 : 12;
	if (timescaleAt + 4 > header.payload.length) return null;
	const timescale = viewOf(header.payload).getUint32(timescaleAt);
	// Fragmented files (recorded live) leave the movie header at 0 and say it in `mehd`.
	const fragments = child(child(movie, 'mvex'), 'mehd');
	const length =
		timedLength(header, MVHD_DURATION) || (fragments && timedLength(fragments, MEHD_FRAGMENT_DURATION));
	return timescale > 0 && length ? length / timescale : null;
}
