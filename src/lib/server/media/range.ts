/** A byte range to send, both ends included. */
export type ByteRange = { start: number; end: number };

const SINGLE_RANGE = /^(\d*)-(\d*)$/;

/**
 * The part of a `size`-byte file that a Range header (RFC 9110) asks for: null to send the whole
 * file with 200 (no header, another unit, a malformed or multi-range header, all of which a
 * server may ignore), 'unsatisfiable' for 416, or the range for 206. Multiple ranges are ignored
 * rather than answered in multipart: players ask for one range at a time.
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
	const equals = header?.indexOf('=') ?? -1;
	if (!header || equals < 0 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return null;
	const ranges = header.slice(equals + 1).trim();
	if (ranges.includes(',')) return null;
	const [, first = '', last = ''] = SINGLE_RANGE.exec(ranges) ?? [];
	if (!first && !last) return null;
	if (!first) {
		const suffix = Number(last);
		return suffix > 0 && size > 0 ? { start: Math.max(0, size - suffix), end: size - 1 } : 'unsatisfiable';
	}
	const start = Number(first);
	if (last && Number(last) < start) return null;
	if (start >= size) return 'unsatisfiable';
	return { start, end: last ? Math.min(Number(last), size - 1) : size - 1 };
}

/** The Content-Range header for a 206 answer, or for a 416 one when there is no range. */
export function contentRangeOf(range: ByteRange | 'unsatisfiable', size: number): string {
	return range === 'unsatisfiable' ? `bytes */${size}` : `bytes ${range.start}-${range.end}/${size}`;
}
