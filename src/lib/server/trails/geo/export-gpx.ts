import { roundPosition } from './coordinates';
import type { ExportStop, ExportTrail, Position } from './types';
import { xmlText } from './xml-text';

const GPX_CREATOR = 'commons-portal';

/** GPX 1.1, elements in the order its schema requires: metadata, waypoints, then the track. */
export function trailToGpx(trail: ExportTrail): string {
	return lines(
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<gpx version="1.1" creator="${GPX_CREATOR}" xmlns="http://www.topografix.com/GPX/1/1"` +
			' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
			' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
		metadata(trail),
		...trail.stops.map(waypoint),
		track(trail),
		'</gpx>',
		''
	);
}

function metadata(trail: ExportTrail): string {
	const author = xmlText(trail.attribution);
	return lines(
		'  <metadata>',
		element('name', trail.title),
		trail.summary.trim() ? element('desc', trail.summary) : null,
		`    <author><name>${author}</name></author>`,
		`    <copyright author="${author}"><license>${xmlText(trail.licence.url)}</license></copyright>`,
		link(trail.url, trail.title),
		element('time', new Date(trail.updatedAt).toISOString()),
		trail.themes.length ? element('keywords', trail.themes.join(', ')) : null,
		'  </metadata>'
	);
}

function waypoint(stop: ExportStop): string {
	return lines(
		`  <wpt ${latLon(stop.position)}>`,
		element('name', stop.title),
		stop.text.trim() ? element('desc', stop.text) : null,
		link(stop.url, stop.title),
		// Tells our stops from the other waypoints a walker's device may hold.
		element('type', 'stop'),
		'  </wpt>'
	);
}

function track(trail: ExportTrail): string | null {
	if (trail.path.length < 2) return null;
	return lines(
		'  <trk>',
		element('name', trail.title),
		link(trail.url, trail.title),
		'    <trkseg>',
		...trail.path.map((position) => `      <trkpt ${latLon(position)}/>`),
		'    </trkseg>',
		'  </trk>'
	);
}

function link(href: string, text: string): string {
	return `    <link href="${xmlText(href)}"><text>${xmlText(text)}</text></link>`;
}

/** A child of metadata, wpt or trk, indented as one. */
function element(name: string, text: string): string {
	return `    <${name}>${xmlText(text)}</${name}>`;
}

function latLon(position: Position): string {
	const [lng, lat] = roundPosition(position);
	return `lat="${lat}" lon="${lng}"`;
}

function lines(...parts: (string | null)[]): string {
	return parts.filter((part) => part !== null).join('\n');
}
