import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** The web app manifest, in the visitor's language and with the city's name from configuration. */
export function webManifest(cityName: string, locale: Locale) {
	const name = m.site_name({ city: cityName }, { locale });
	return {
		name,
		short_name: m.manifest_short_name({}, { locale }),
		description: m.home_lead({}, { locale }),
		lang: locale,
		dir: 'ltr',
		id: '/',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		orientation: 'any',
		background_color: '#f7f7f4',
		theme_color: '#0b4f8a',
		categories: ['government', 'education', 'lifestyle'],
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
			{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		],
		shortcuts: [
			{ name: m.nav_equipment({}, { locale }), url: '/equipment' },
			{ name: m.nav_trails({}, { locale }), url: '/trails' },
			{ name: m.account_title({}, { locale }), url: '/account' }
		]
	};
}
