import type { LicenceId } from './licences';

/** A published media item as pages show it (the server's PublishedMedia, for the browser). */
export type MediaView = {
	id: string;
	key: string;
	kind: 'audio' | 'video' | 'photo';
	mime: string;
	durationSeconds: number | null;
	title: string;
	author: string;
	licence: LicenceId;
	language: string;
	transcript: string | null;
};

export const durationText = (seconds: number | null) =>
	seconds === null ? '' : `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
