import { describe, expect, it } from 'vitest';
import { allowFraming, allowTileOrigin, tileOriginOf } from './csp';

describe('the tile server in the content security policy', () => {
	it('adds the tile origin to images and connections only', () => {
		const policy = "default-src 'self'; img-src 'self' data:; connect-src 'self'; script-src 'self'";
		expect(allowTileOrigin(policy, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
			"default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self' https://tile.openstreetmap.org; script-src 'self'"
		);
	});

	it('turns {s} subdomains into a wildcard and keeps a port', () => {
		expect(tileOriginOf('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).toBe('https://*.tiles.example.org');
		expect(tileOriginOf('http://tiles.brest.local:8080/{z}/{x}/{y}.png')).toBe(
			'http://tiles.brest.local:8080'
		);
	});

	it('adds nothing for a same-site path or a template that could smuggle a directive', () => {
		expect(tileOriginOf('/tiles/{z}/{x}/{y}.png')).toBeNull();
		expect(tileOriginOf("https://evil.example; script-src 'unsafe-inline'/x")).toBeNull();
	});
});

describe('framing', () => {
	it('opens frame-ancestors to every site and changes nothing else', () => {
		expect(allowFraming("default-src 'self'; frame-ancestors 'none'; img-src 'self'")).toBe(
			"default-src 'self'; frame-ancestors *; img-src 'self'"
		);
	});
});
