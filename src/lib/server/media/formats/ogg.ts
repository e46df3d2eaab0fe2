import { ascii, viewOf } from './bytes';

type Page = { beginsStream: boolean; granule: bigint; serial: number; body: Uint8Array; end: number };

const NO_GRANULE = -1n;

/** The whole page at `offset`, or null when there is none or it is cut short. */
function pageAt(bytes: Uint8Array, offset: number): Page | null {
	if (offset + 27 > bytes.length || ascii(bytes, offset, 4) !== 'OggS' || bytes[offset + 4] !== 0)
		return null;
	const view = viewOf(bytes);
	const segments = bytes[offset + 26] ?? 0;
	const bodyStart = offset + 27 + segments;
	if (bodyStart > bytes.length) return null;
	const end = bytes.subarray(offset + 27, bodyStart).reduce((total, lacing) => total + lacing, bodyStart);
	if (end > bytes.length) return null;
	return {
		beginsStream: ((bytes[offset + 5] ?? 0) & 0x02) !== 0,
		granule: view.getBigInt64(offset + 6, true),
		serial: view.getUint32(offset + 14, true),
		body: bytes.subarray(bodyStart, end),
		end
	};
}

type Codec = 'opus' | 'vorbis' | 'skeleton' | 'other';

function codecOf(firstPacket: Uint8Array): Codec {
	if (ascii(firstPacket, 0, 8) === 'OpusHead') return 'opus';
	if (ascii(firstPacket, 0, 7) === '\x01vorbis') return 'vorbis';
	if (ascii(firstPacket, 0, 8) === 'fishead\0') return 'skeleton';
	return 'other';
}

export type OggAudio = { codec: 'opus' | 'vorbis'; serial: number; header: Uint8Array };

/**
 * The audio stream of an Ogg file, read from the pages that begin its streams (they all come
 * first). Null when it is no Ogg file or carries anything but Opus or Vorbis, such as Theora video.
 */
export function oggAudioOf(bytes: Uint8Array): OggAudio | null {
	let audio: OggAudio | null = null;
	let page = pageAt(bytes, 0);
	while (page?.beginsStream) {
		const codec = codecOf(page.body);
		if (codec === 'other') return null;
		if (codec !== 'skeleton') audio ??= { codec, serial: page.serial, header: page.body };
		page = pageAt(bytes, page.end);
	}
	return audio;
}

/** The granule position of the stream's last whole page; damaged stretches are skipped. */
function lastGranule(bytes: Uint8Array, serial: number): bigint | null {
	let granule: bigint | null = null;
	let offset = 0;
	while (offset >= 0 && offset < bytes.length) {
		const page = pageAt(bytes, offset);
		if (!page) {
			offset = bytes.indexOf(0x4f, offset + 1); // the "O" of the next "OggS"
			continue;
		}
		if (page.serial === serial && page.granule !== NO_GRANULE) granule = page.granule;
		offset = page.end;
	}
	return granule;
}

const OPUS_GRANULE_RATE = 48000;

export function oggDurationSeconds(bytes: Uint8Array): number | null {
	const audio = oggAudioOf(bytes);
	const granule = audio && lastGranule(bytes, audio.serial);
	if (!audio || granule === null || audio.header.length < 16) return null;
	const view = viewOf(audio.header);
	if (audio.codec === 'opus') {
		const preSkip = view.getUint16(10, true);
		return (Number(granule) - preSkip) / OPUS_GRANULE_RATE;
	}
	const sampleRate = view.getUint32(12, true);
	return sampleRate > 0 ? Number(granule) / sampleRate : null;
}
