export type { Position } from '../../../trails/measure';
import type { Position } from '../../../trails/measure';

export type ImportedStop = { title: string; text: string; position: Position };

/** What a GPX, KML or GeoJSON file gave: a path and stops for the author to review. */
export type ImportedTrail = { path: Position[]; stops: ImportedStop[] };

export type ExportLicence = { id: string; name: string; url: string };

export type ExportStop = {
	id: string;
	title: string;
	text: string;
	position: Position;
	radiusMetres: number;
	url: string;
};

/** A published trail as the GPX and GeoJSON exports need it; URLs are absolute. */
export type ExportTrail = {
	slug: string;
	title: string;
	url: string;
	summary: string;
	licence: ExportLicence;
	attribution: string;
	themes: string[];
	path: Position[];
	stops: ExportStop[];
	lengthMetres: number;
	walkingMinutes: number;
	/** ISO 8601 date-time. */
	updatedAt: string;
};
