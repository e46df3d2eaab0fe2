import type * as Leaflet from 'leaflet';

/** What the server says about maps: its tile server, the attribution it requires, where to start. */
export type MapConfig = { tileUrl: string; attribution: string; center: [lat: number, lng: number] };

export type L = typeof Leaflet;

/** Leaflet and its styles, fetched only by pages that draw a map. */
export async function loadLeaflet(): Promise<L> {
	const [leaflet] = await Promise.all([
		import('leaflet'),
		import('leaflet/dist/leaflet.css'),
		import('./markers.css')
	]);
	return leaflet.default;
}

export function baseMap(L: L, element: HTMLElement, config: MapConfig, options: Leaflet.MapOptions = {}) {
	const map = L.map(element, { center: config.center, zoom: 15, ...options });
	L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19, crossOrigin: true }).addTo(map);
	return map;
}

/** A stop's numbered marker: a div, so no image files and a number that screen readers read. */
export const stopIcon = (L: L, number: number, current = false) =>
	L.divIcon({
		className: `stop-marker${current ? ' current' : ''}`,
		html: `<span>${number}</span>`,
		iconSize: [32, 32],
		iconAnchor: [16, 16]
	});
