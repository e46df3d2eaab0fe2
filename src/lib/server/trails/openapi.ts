import { answer, type ApiSection, type Json } from '../openapi/schema';

const position: Json = {
	type: 'array',
	prefixItems: [
		{ type: 'number', minimum: -180, maximum: 180, description: 'longitude' },
		{ type: 'number', minimum: -90, maximum: 90, description: 'latitude' }
	],
	minItems: 2,
	maxItems: 2
};

const trailProperties: Json = {
	type: 'object',
	required: ['kind', 'slug', 'title', 'url', 'licence', 'licenceUrl', 'attribution'],
	properties: {
		kind: { const: 'trail' },
		slug: { type: 'string' },
		title: { type: 'string' },
		url: { type: 'string', format: 'uri' },
		licence: { type: 'string', description: 'Creative Commons licence name, e.g. "CC BY-SA 4.0"' },
		licenceUrl: { type: 'string', format: 'uri' },
		attribution: { type: 'string', description: 'Who to credit when reusing' },
		lengthMetres: { type: 'integer' },
		walkingMinutes: { type: 'integer' },
		themes: { type: 'array', items: { type: 'string' } }
	}
};

const stopProperties: Json = {
	type: 'object',
	required: ['kind', 'trail', 'order', 'id', 'title', 'url'],
	properties: {
		kind: { const: 'stop' },
		trail: { type: 'string', description: 'The slug of the trail the stop belongs to' },
		order: { type: 'integer', minimum: 1, description: 'Walking order, from 1' },
		id: { type: 'string', format: 'uuid' },
		title: { type: 'string' },
		url: { type: 'string', format: 'uri', description: "The stop's page (its QR code leads there)" },
		radiusMetres: { type: 'integer' }
	}
};

const featureCollection: Json = {
	type: 'object',
	required: ['type', 'features'],
	properties: {
		type: { const: 'FeatureCollection' },
		features: {
			type: 'array',
			items: {
				oneOf: [
					{
						type: 'object',
						properties: {
							type: { const: 'Feature' },
							geometry: {
								oneOf: [
									{
										type: 'object',
										properties: {
											type: { const: 'LineString' },
											coordinates: { type: 'array', items: position }
										}
									},
									{ type: 'null' }
								]
							},
							properties: trailProperties
						}
					},
					{
						type: 'object',
						properties: {
							type: { const: 'Feature' },
							geometry: {
								type: 'object',
								properties: { type: { const: 'Point' }, coordinates: position }
							},
							properties: stopProperties
						}
					}
				]
			}
		}
	}
};

const geoJson = (description: string) => ({
	description,
	content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/TrailsGeoJson' } } }
});
const slugParameter = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };

/** The trails part of /api/openapi.json: published trails as GeoJSON and GPX, open data. */
export function trailsApi(): ApiSection {
	return {
		schemas: { TrailsGeoJson: featureCollection },
		paths: {
			'/api/trails.geojson': {
				get: {
					operationId: 'trailsGeoJson',
					tags: ['trails'],
					summary: 'Every published trail (LineString) and its stops (Point, with `order`), RFC 7946',
					description:
						'Only what moderators published: drafts and edits waiting for review never appear. Each trail carries its Creative Commons licence and attribution.',
					responses: { 200: geoJson('The published trails') }
				}
			},
			'/api/trails/{slug}.geojson': {
				get: {
					operationId: 'trailGeoJson',
					tags: ['trails'],
					summary: 'One published trail and its stops, RFC 7946',
					parameters: [slugParameter],
					responses: { 200: geoJson('The trail'), 404: answer('No published trail by that name', 'Error') }
				}
			},
			'/api/trails/{slug}.gpx': {
				get: {
					operationId: 'trailGpx',
					tags: ['trails'],
					summary: 'One published trail as GPX 1.1: its path as a track, its stops as waypoints in order',
					parameters: [slugParameter],
					responses: {
						200: {
							description: 'The trail',
							content: { 'application/gpx+xml': { schema: { type: 'string' } } }
						},
						404: answer('No published trail by that name', 'Error')
					}
				}
			}
		}
	};
}
