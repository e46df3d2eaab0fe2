export { trailToGpx } from './export-gpx';
export {
	trailsToGeoJson,
	type StopFeatureProperties,
	type TrailFeatureProperties,
	type TrailsFeatureCollection
} from './export-geojson';
