import { isoBmffContent } from './formats/iso-bmff';
import { webmContent } from './formats/matroska';
import { isMp3 } from './formats/mp3';
import { oggAudioOf } from './formats/ogg';
import { photoTypeOf } from './photo';

export type MediaType =
	| { kind: 'audio'; mime: 'audio/mpeg'; extension: 'mp3' }
	| { kind: 'audio'; mime: 'audio/mp4'; extension: 'm4a' }
	| { kind: 'audio'; mime: 'audio/ogg'; extension: 'ogg' | 'opus' }
	| { kind: 'audio'; mime: 'audio/webm'; extension: 'webm' }
	| { kind: 'video'; mime: 'video/mp4'; extension: 'mp4' }
	| { kind: 'video'; mime: 'video/webm'; extension: 'webm' }
	| { kind: 'photo'; mime: 'image/jpeg' | 'image/png' | 'image/webp'; extension: 'jpg' | 'png' | 'webp' };

export type MediaKind = MediaType['kind'];

function isoBmffTypeOf(bytes: Uint8Array): MediaType | null {
	const content = isoBmffContent(bytes);
	if (content === 'video') return { kind: 'video', mime: 'video/mp4', extension: 'mp4' };
	return content === 'audio' ? { kind: 'audio', mime: 'audio/mp4', extension: 'm4a' } : null;
}

function webmTypeOf(bytes: Uint8Array): MediaType | null {
	const content = webmContent(bytes);
	if (content === 'video') return { kind: 'video', mime: 'video/webm', extension: 'webm' };
	return content === 'audio' ? { kind: 'audio', mime: 'audio/webm', extension: 'webm' } : null;
}

function oggTypeOf(bytes: Uint8Array): MediaType | null {
	const audio = oggAudioOf(bytes);
	if (!audio) return null;
	return { kind: 'audio', mime: 'audio/ogg', extension: audio.codec === 'opus' ? 'opus' : 'ogg' };
}

/**
 * The type of an uploaded photo, sound or video, read from its content only: a file's name and
 * the type the browser sends are the uploader's to choose. Null for anything else, executables
 * included, and for files too damaged to find their tracks in.
 */
export function mediaTypeOf(bytes: Uint8Array): MediaType | null {
	const photo = photoTypeOf(bytes);
	if (photo) return { kind: 'photo', ...photo };
	return (
		isoBmffTypeOf(bytes) ??
		webmTypeOf(bytes) ??
		oggTypeOf(bytes) ??
		(isMp3(bytes) ? { kind: 'audio', mime: 'audio/mpeg', extension: 'mp3' } : null)
	);
}
