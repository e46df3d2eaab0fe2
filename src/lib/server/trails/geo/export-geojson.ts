import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { roundPosition } from './coordinates';
import type { ExportStop, ExportTrail } from './types';

export type TrailFeatureProperties = {
	kind: 'trail';
	slug: string;
	title: string;
	url: string;
	licence: string;
	licenceUrl: string;
	attribution: string;
	lengthMetres: number;
	walkingMinutes: number;
	themes: string[];
};

export type StopFeatureProperties = {
	kind: 'stop';
	trail: string;
	/** 1 for the first stop: the order a walker meets them in. */
	order: number;
	id: string;
	title: string;
	url: string;
	radiusMetres: number;
};

export type TrailsFeatureCollection = FeatureCollection<
	LineString | Point | null,
	TrailFeatureProperties | StopFeatureProperties
>;

/** RFC 7946: each trail's line, then its stops in order, the trail's slug tying them. */
export function trailsToGeoJson(trails: ExportTrail[]): TrailsFeatureCollection {
	return {
		type: 'FeatureCollection',
		features: trails.flatMap((trail) => [
			trailFeature(trail),
			...trail.stops.map((stop, index) => stopFeature(trail, stop, index + 1))
		])
	};
}

function trailFeature(trail: ExportTrail): Feature<LineString | null, TrailFeatureProperties> {
	return {
		type: 'Feature',
		// A LineString needs two positions; a trail with no path yet is a feature without geometry.
		geometry:
			trail.path.length >= 2 ? { type: 'LineString', coordinates: trail.path.map(roundPosition) } : null,
		properties: {
			kind: 'trail',
			slug: trail.slug,
			title: trail.title,
			url: trail.url,
			licence: trail.licence.name,
			licenceUrl: trail.licence.url,
			attribution: trail.attribution,
			lengthMetres: trail.lengthMetres,
			walkingMinutes: trail.walkingMinutes,
			themes: trail.themes
		}
	};
}

function stopFeature(
	trail: ExportTrail,
	stop: ExportStop,
	order: number
): Feature<Point, StopFeatureProperties> {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: roundPosition(stop.position) },
		properties: {
			kind: 'stop',
			trail: trail.slug,
			order,
			id: stop.id,
			title: stop.title,
			url: stop.url,
			radiusMetres: stop.radiusMetres
		}
	};
}
