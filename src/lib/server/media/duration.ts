import { isoBmffDurationSeconds } from './formats/iso-bmff';
import { webmDurationSeconds } from './formats/matroska';
import { mp3DurationSeconds } from './formats/mp3';
import { oggDurationSeconds } from './formats/ogg';
import type { MediaType } from './media-type';

const readers: Record<MediaType['mime'], ((bytes: Uint8Array) => number | null) | null> = {
	'audio/mpeg': mp3DurationSeconds,
	'audio/mp4': isoBmffDurationSeconds,
	'video/mp4': isoBmffDurationSeconds,
	'audio/ogg': oggDurationSeconds,
	'audio/webm': webmDurationSeconds,
	'video/webm': webmDurationSeconds,
	'image/jpeg': null,
	'image/png': null,
	'image/webp': null
};

/**
 * How long a sound or video plays, in seconds to the tenth, read from its headers (or, for MP3s
 * without one, its frames). Null for photos and when the file does not say.
 */
export function durationSecondsOf(bytes: Uint8Array, type: MediaType): number | null {
	const seconds = readers[type.mime]?.(bytes) ?? null;
	if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
	return Math.round(seconds * 10) / 10;
}
