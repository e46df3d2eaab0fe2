import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { dirname, join, resolve, sep } from 'node:path';

/** Where uploaded files live. Keys are opaque; callers never build paths themselves. */
export type MediaStorage = {
	put(prefix: string, bytes: Uint8Array, extension: string): Promise<string>;
	get(key: string): Promise<Uint8Array | null>;
	/** The file's size in bytes, or null when there is none under the key. */
	size(key: string): Promise<number | null>;
	/** A part of the file, both ends included, streamed rather than read whole (videos are large). */
	stream(key: string, range: { start: number; end: number }): ReadableStream<Uint8Array>;
	remove(key: string): Promise<void>;
};

const KEY_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*\/[0-9a-f-]{36}\.[a-z0-9]{2,5}$/;

export const isMediaKey = (key: string) => KEY_PATTERN.test(key);

/** Files in a directory on this machine: the default, for one instance or a shared volume. */
export function localStorage(directory: string): MediaStorage {
	const root = resolve(directory);
	const pathOf = (key: string) => {
		if (!isMediaKey(key)) return null;
		const path = resolve(join(root, key));
		return path.startsWith(root + sep) ? path : null;
	};
	return {
		async put(prefix, bytes, extension) {
			const key = `${prefix}/${randomUUID()}.${extension}`;
			const path = pathOf(key);
			if (!path) throw new Error(`Not a media key: ${key}`);
			await mkdir(dirname(path), { recursive: true });
			await writeFile(path, bytes, { flag: 'wx' });
			return key;
		},
		async get(key) {
			const path = pathOf(key);
			if (!path) return null;
			try {
				return new Uint8Array(await readFile(path));
			} catch (problem) {
				if ((problem as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw problem;
			}
		},
		async size(key) {
			const path = pathOf(key);
			if (!path) return null;
			try {
				return (await stat(path)).size;
			} catch (problem) {
				if ((problem as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw problem;
			}
		},
		stream(key, range) {
			const path = pathOf(key);
			if (!path) throw new Error(`Not a media key: ${key}`);
			return Readable.toWeb(createReadStream(path, range)) as ReadableStream<Uint8Array>;
		},
		async remove(key) {
			const path = pathOf(key);
			if (path) await rm(path, { force: true });
		}
	};
}
