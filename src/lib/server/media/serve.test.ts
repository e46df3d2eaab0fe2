import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaResponse } from './serve';
import { localStorage } from './storage';

const storage = localStorage(mkdtempSync(join(tmpdir(), 'commons-serve-')));
const bytes = Uint8Array.from({ length: 1000 }, (_, index) => index % 251);

async function stored() {
	return { key: await storage.put('projects/test', bytes, 'mp3'), mime: 'audio/mpeg' };
}

describe('media answers', () => {
	it('sends the whole file with its length, type and an hour of caching when public', async () => {
		const response = await mediaResponse(storage, await stored(), null, 'public');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-length')).toBe('1000');
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
	});

	it('answers a range with 206 and exactly those bytes', async () => {
		const response = await mediaResponse(storage, await stored(), 'bytes=100-199', 'public');
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
		expect(response.headers.get('content-length')).toBe('100');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(100, 200));
	});

	it('answers an open and a suffix range', async () => {
		const file = await stored();
		const open = await mediaResponse(storage, file, 'bytes=990-', 'public');
		expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
		expect(new Uint8Array(await open.arrayBuffer())).toEqual(bytes.slice(990));
		const suffix = await mediaResponse(storage, file, 'bytes=-10', 'public');
		expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.slice(990));
	});

	it('refuses a range past the end with 416 and the size', async () => {
		const response = await mediaResponse(storage, await stored(), 'bytes=5000-', 'public');
		expect(response.status).toBe(416);
		expect(response.headers.get('content-range')).toBe('bytes */1000');
	});

	it('keeps drafts out of shared caches', async () => {
		const response = await mediaResponse(storage, await stored(), null, 'private');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		await response.arrayBuffer();
	});

	it('says not found for a key with no file', async () => {
		await expect(
			mediaResponse(
				storage,
				{ key: 'projects/test/00000000-0000-4000-8000-000000000000.mp3', mime: 'audio/mpeg' },
				null,
				'public'
			)
		).rejects.toThrow('not found');
	});
});
