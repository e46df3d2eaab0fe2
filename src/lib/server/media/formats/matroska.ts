import { ascii, viewOf } from './bytes';

const ID = {
	ebml: 0x1a45dfa3,
	docType: 0x4282,
	segment: 0x18538067,
	info: 0x1549a966,
	timecodeScale: 0x2ad7b1,
	duration: 0x4489,
	tracks: 0x1654ae6b,
	trackEntry: 0xae,
	trackType: 0x83,
	cluster: 0x1f43b675,
	timecode: 0xe7,
	simpleBlock: 0xa3,
	blockGroup: 0xa0,
	block: 0xa1
};
const VIDEO_TRACK = 1;
const AUDIO_TRACK = 2;
const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

type VariableInt = { value: number; length: number; allOnes: boolean };

/** EBML's variable-length integer: the count of leading zero bits gives its length. */
function variableIntAt(bytes: Uint8Array, offset: number, maxLength: number, keepMarker: boolean) {
	const first = bytes[offset];
	if (!first) return null;
	const length = Math.clz32(first) - 23;
	if (length > maxLength || offset + length > bytes.length) return null;
	const mask = 0xff >> length;
	const result: VariableInt = {
		value: keepMarker ? first : first & mask,
		length,
		allOnes: (first & mask) === mask
	};
	for (const byte of bytes.subarray(offset + 1, offset + length)) {
		result.value = result.value * 256 + byte;
		result.allOnes &&= byte === 0xff;
	}
	return result;
}

/** An element's id and where its data lies; `end` is null for "size unknown" (live recordings). */
type Element = { id: number; start: number; end: number | null };

function elementAt(bytes: Uint8Array, offset: number): Element | null {
	const id = variableIntAt(bytes, offset, 4, true);
	const size = id && variableIntAt(bytes, offset + id.length, 8, false);
	if (!id || !size) return null;
	const start = offset + id.length + size.length;
	return { id: id.value, start, end: size.allOnes ? null : start + size.value };
}

/** The whole elements between `start` and `end`. */
function childrenOf(bytes: Uint8Array, start: number, end: number): Element[] {
	const children: Element[] = [];
	let offset = start;
	while (offset < end) {
		const element = elementAt(bytes, offset);
		if (!element || element.end === null || element.end > end) break;
		children.push(element);
		offset = element.end;
	}
	return children;
}

const dataOf = (bytes: Uint8Array, element: Element) =>
	bytes.subarray(element.start, element.end ?? undefined);
const unsignedOf = (data: Uint8Array) => data.reduce((value, byte) => value * 256 + byte, 0);

function floatOf(data: Uint8Array): number | null {
	if (data.length === 4) return viewOf(data).getFloat32(0);
	return data.length === 8 ? viewOf(data).getFloat64(0) : null;
}

export type WebmFacts = {
	trackTypes: number[];
	timecodeScale: number;
	/** In timecode ticks, from the segment's info. */
	duration: number | null;
	/** In timecode ticks, the latest block seen; only read when asked for. */
	lastBlockTime: number | null;
};

function readInfo(bytes: Uint8Array, info: Element, facts: WebmFacts) {
	for (const element of childrenOf(bytes, info.start, info.end ?? info.start)) {
		const data = dataOf(bytes, element);
		if (element.id === ID.timecodeScale) facts.timecodeScale = unsignedOf(data) || DEFAULT_TIMECODE_SCALE_NS;
		if (element.id === ID.duration) facts.duration = floatOf(data);
	}
}

function readTracks(bytes: Uint8Array, tracks: Element, facts: WebmFacts) {
	for (const entry of childrenOf(bytes, tracks.start, tracks.end ?? tracks.start)) {
		if (entry.id !== ID.trackEntry) continue;
		const type = childrenOf(bytes, entry.start, entry.end ?? entry.start).find(
			({ id }) => id === ID.trackType
		);
		if (type) facts.trackTypes.push(unsignedOf(dataOf(bytes, type)));
	}
}

/** A block's time relative to its cluster: a signed 16-bit value after the track number. */
function blockTimeOf(bytes: Uint8Array, block: Element): number | null {
	const track = variableIntAt(bytes, block.start, 8, false);
	if (!track || block.start + track.length + 2 > bytes.length) return null;
	return viewOf(bytes).getInt16(block.start + track.length);
}

/** The segment's start and end, after checking that the file is WebM (not other Matroska). */
function webmSegment(bytes: Uint8Array): { start: number; end: number } | null {
	const header = elementAt(bytes, 0);
	if (header?.id !== ID.ebml || header.end === null || header.end > bytes.length) return null;
	const docType = childrenOf(bytes, header.start, header.end).find(({ id }) => id === ID.docType);
	const name = docType && dataOf(bytes, docType);
	// Strings may be padded with zero bytes.
	if (!name || name.length > 16 || ascii(name, 0, 16).replace(/\0+$/, '') !== 'webm') return null;
	const segment = elementAt(bytes, header.end);
	if (segment?.id !== ID.segment) return null;
	return { start: segment.start, end: Math.min(segment.end ?? bytes.length, bytes.length) };
}

/**
 * What a WebM file says about its tracks and length, or null when it is no WebM file. Clusters,
 * where the media is, are only walked for block times; recorders that stream (MediaRecorder)
 * leave the duration out and sizes unknown, so clusters are entered rather than skipped.
 */
export function webmFactsOf(bytes: Uint8Array, { blockTimes = false } = {}): WebmFacts | null {
	const segment = webmSegment(bytes);
	if (!segment) return null;
	const facts: WebmFacts = {
		trackTypes: [],
		timecodeScale: DEFAULT_TIMECODE_SCALE_NS,
		duration: null,
		lastBlockTime: null
	};
	let clusterTime = 0;
	let offset = segment.start;
	while (offset < segment.end) {
		const element = elementAt(bytes, offset);
		if (!element) break;
		if (element.id === ID.cluster || element.id === ID.blockGroup) {
			// Info comes before the clusters: its duration, once read, makes walking them needless.
			if (!blockTimes || facts.duration) break;
			offset = element.start;
			continue;
		}
		if (element.id === ID.info) readInfo(bytes, element, facts);
		if (element.id === ID.tracks) readTracks(bytes, element, facts);
		if (element.id === ID.timecode) clusterTime = unsignedOf(dataOf(bytes, element));
		if (element.id === ID.simpleBlock || element.id === ID.block) {
			const relative = blockTimeOf(bytes, element);
			if (relative !== null) facts.lastBlockTime = Math.max(facts.lastBlockTime ?? 0, clusterTime + relative);
		}
		if (element.end === null) break;
		offset = element.end;
	}
	return facts;
}

export function webmContent(bytes: Uint8Array): 'video' | 'audio' | null {
	const facts = webmFactsOf(bytes);
	if (facts?.trackTypes.includes(VIDEO_TRACK)) return 'video';
	return facts?.trackTypes.includes(AUDIO_TRACK) ? 'audio' : null;
}

export function webmDurationSeconds(bytes: Uint8Array): number | null {
	const facts = webmFactsOf(bytes, { blockTimes: true });
	const ticks = facts?.duration || facts?.lastBlockTime;
	return facts && ticks ? (ticks * facts.timecodeScale) / 1e9 : null;
}
