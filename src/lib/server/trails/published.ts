import type { Position } from './geo/types';
import type { LicenceId } from '../../trails/licences';

/** A media item as the public sees it, frozen at publication. */
export type PublishedMedia = {
	id: string;
	key: string;
	kind: 'audio' | 'video' | 'photo';
	mime: string;
	bytes: number;
	durationSeconds: number | null;
	title: string;
	author: string;
	licence: LicenceId;
	language: string;
	transcript: string | null;
};

export type PublishedStop = {
	id: string;
	title: string;
	text: string;
	position: Position;
	radiusMetres: number;
	media: PublishedMedia[];
};

/** What the public sees of a trail: its approved version, kept while edits wait for review. */
export type PublishedTrail = {
	title: string;
	summary: string;
	accessibility: string;
	path: Position[];
	stops: PublishedStop[];
	lengthMetres: number;
	walkingMinutes: number;
};

export type PublishedProject = {
	title: string;
	summary: string;
	description: string;
	cover: PublishedMedia | null;
	themes: string[];
	credits: string;
	licence: LicenceId;
};
