/**
 * The tile server is configuration, the CSP is built into the app: pages let the browser load
 * (and the service worker fetch) tiles from that one origin, and nothing else.
 */
export function allowTileOrigin(policy: string, tileUrl: string): string {
	const origin = tileOriginOf(tileUrl);
	if (!origin) return policy;
	return policy
		.split(';')
		.map((directive) => {
			const name = directive.trim().split(/\s+/)[0];
			return name === 'img-src' || name === 'connect-src'
				? `${directive.trim()} ${origin}`
				: directive.trim();
		})
		.join('; ');
}

/** The origin of a tile URL template; {s} subdomains become a wildcard. */
export function tileOriginOf(tileUrl: string): string | null {
	const match = /^(https?):\/\/([^/]+)\//i.exec(tileUrl);
	if (!match) return null;
	const host = match[2]?.replace(/\{s\}/g, '*') ?? '';
	if (!/^[a-z0-9.*:-]+$/i.test(host)) return null;
	return `${match[1]}://${host}`;
}

/** Embeddable pages (a trail's map) may be framed by any site; every other page by none. */
export function allowFraming(policy: string): string {
	return policy
		.split(';')
		.map((directive) =>
			directive.trim().startsWith('frame-ancestors') ? 'frame-ancestors *' : directive.trim()
		)
		.join('; ');
}
