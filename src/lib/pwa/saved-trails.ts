import {
	asVisitor,
	SAVED_TRAIL_CACHE_PREFIX,
	SAVED_TRAIL_RECORD_PATH,
	savedTrailCacheName,
	trailDocuments,
	trailMedia,
	type SavedTrailRecord,
	type TrailToSave
} from './saved-trail-plan';

export type SaveProgress = { done: number; total: number };

/** Why saving stopped: no room left on the phone, or a file that could not be downloaded. */
export class SaveFailure extends Error {
	constructor(readonly reason: 'quota' | 'network') {
		super(reason === 'quota' ? 'storage quota exceeded' : 'download failed');
	}
}

type Job = {
	/** Where it is fetched from and kept under: a same-origin path, or a tile's address. */
	key: string;
	init: RequestInit;
	kind: 'document' | 'media' | 'tile';
	optional: boolean;
};

export const isSavingSupported = () =>
	typeof window !== 'undefined' && 'caches' in window && 'serviceWorker' in navigator;

/**
 * Stores a trail's pages, their data, all its media as whole files and the given map tiles in the
 * trail's own cache, then its record.
 */
export async function saveTrail(
	trail: TrailToSave,
	options: {
		locale: string;
		version: string;
		tileUrls: string[];
		onProgress: (progress: SaveProgress) => void;
	}
): Promise<SavedTrailRecord> {
	const name = savedTrailCacheName(trail.slug);
	const hadCopy = (await savedTrail(trail.slug)) !== null;
	const cache = await caches.open(name);
	const jobs = jobsOf(trail, options);
	let done = 0;
	options.onProgress({ done, total: jobs.length });
	try {
		const stored = await inParallel(jobs, 4, async (job) => {
			const size = await store(cache, job);
			options.onProgress({ done: ++done, total: jobs.length });
			return size === null ? null : { job, size };
		});
		const kept = stored.filter((entry) => entry !== null);
		await forgetAllBut(cache, new Set([...kept.map((entry) => entry.job.key), SAVED_TRAIL_RECORD_PATH]));
		const record: SavedTrailRecord = {
			slug: trail.slug,
			title: trail.title,
			savedAt: new Date().toISOString(),
			locale: options.locale,
			version: options.version,
			documents: kept.filter((entry) => entry.job.kind === 'document').map((entry) => entry.job.key),
			media: kept.filter((entry) => entry.job.kind === 'media').map((entry) => entry.job.key),
			tiles: kept.filter((entry) => entry.job.kind === 'tile').length,
			files: kept.length,
			bytes: kept.reduce((sum, entry) => sum + entry.size, 0)
		};
		await cache.put(SAVED_TRAIL_RECORD_PATH, Response.json(record));
		return record;
	} catch (problem) {
		// A first save that fails frees what it took; an update that fails keeps the copy that works.
		if (!hadCopy) await caches.delete(name);
		throw isQuotaError(problem)
			? new SaveFailure('quota')
			: problem instanceof SaveFailure
				? problem
				: new SaveFailure('network');
	}
}

function jobsOf(trail: TrailToSave, options: { locale: string; tileUrls: string[] }): Job[] {
	return [
		...trailDocuments(trail).map((document): Job => ({
			key: document.path,
			init: asVisitor(document.path, options.locale),
			kind: 'document',
			optional: document.optional
		})),
		// No Range header: the whole file (200), from which the service worker cuts any range later.
		...trailMedia(trail).map((item): Job => ({
			key: item.path,
			init: { credentials: 'omit' },
			kind: 'media',
			optional: false
		})),
		// Tiles are a bonus: a missing one leaves a grey square, not a trail that cannot be walked.
		...options.tileUrls.map((url): Job => ({
			key: url,
			init: { mode: 'cors', credentials: 'omit' },
			kind: 'tile',
			optional: true
		}))
	];
}

/** Downloads one file into the cache; its stored size, or null for an optional file not there. */
async function store(cache: Cache, job: Job): Promise<number | null> {
	// Media never change (a new file is a new key), so an update downloads only what is new.
	const kept = job.kind === 'document' ? undefined : await cache.match(job.key);
	if (kept) return (await kept.blob()).size;
	let response: Response;
	try {
		response = await fetch(job.key, job.init);
	} catch (problem) {
		if (job.kind === 'tile') return null;
		throw problem;
	}
	if (response.status !== 200 || response.redirected) {
		if (job.optional && (response.status === 404 || job.kind === 'tile')) return null;
		throw new SaveFailure('network');
	}
	const [size] = await Promise.all([byteLength(response.clone()), cache.put(job.key, response)]);
	return size;
}

async function byteLength(response: Response): Promise<number> {
	const reader = response.body?.getReader();
	if (!reader) return 0;
	let total = 0;
	for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
		total += chunk.value.byteLength;
	return total;
}

async function forgetAllBut(cache: Cache, keep: Set<string>): Promise<void> {
	const keys = await cache.keys();
	const pathOrUrl = (request: Request) => {
		const url = new URL(request.url);
		return url.origin === location.origin ? url.pathname : request.url;
	};
	await Promise.all(
		keys.filter((request) => !keep.has(pathOrUrl(request))).map((request) => cache.delete(request))
	);
}

/**
 * Runs the work a few items at a time. After a failure no new item starts, and the failure is
 * thrown only once the items under way have settled: nothing writes into the cache after that.
 */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < items.length && !failed) {
			const index = next++;
			try {
				results[index] = await work(items[index] as T);
			} catch (problem) {
				failed = true;
				throw problem;
			}
		}
	};
	const settled = await Promise.allSettled(Array.from({ length: Math.min(width, items.length) }, worker));
	const failure = settled.find((outcome) => outcome.status === 'rejected');
	if (failure) throw failure.reason;
	return results;
}

const isQuotaError = (problem: unknown) =>
	problem instanceof DOMException && (problem.name === 'QuotaExceededError' || problem.code === 22);

/** The record of a saved trail, or null when it is not (completely) saved on this phone. */
export async function savedTrail(slug: string): Promise<SavedTrailRecord | null> {
	if (!(await caches.has(savedTrailCacheName(slug)))) return null;
	const cache = await caches.open(savedTrailCacheName(slug));
	const response = await cache.match(SAVED_TRAIL_RECORD_PATH);
	return response ? ((await response.json()) as SavedTrailRecord) : null;
}

/** The trails saved on this phone, by title. */
export async function listSavedTrails(): Promise<SavedTrailRecord[]> {
	const names = (await caches.keys()).filter((name) => name.startsWith(SAVED_TRAIL_CACHE_PREFIX));
	const records = await Promise.all(
		names.map((name) => savedTrail(name.slice(SAVED_TRAIL_CACHE_PREFIX.length)))
	);
	return records.filter((record) => record !== null).sort((a, b) => a.title.localeCompare(b.title));
}

export async function removeSavedTrail(slug: string): Promise<void> {
	await caches.delete(savedTrailCacheName(slug));
}

/**
 * Asks the browser not to clear this site's storage when space runs low. Chrome answers from how
 * much the site is used, without asking the person; false means saved trails may be evicted.
 */
export async function askToKeepStorage(): Promise<boolean> {
	try {
		return (await navigator.storage?.persisted?.()) || ((await navigator.storage?.persist?.()) ?? false);
	} catch {
		return false;
	}
}

/** What this site stores on the phone and how much the browser lets it store; null if unknown. */
export async function storageUse(): Promise<{ usage: number; quota: number } | null> {
	try {
		const estimate = await navigator.storage?.estimate?.();
		return estimate?.usage !== undefined && estimate.quota !== undefined
			? { usage: estimate.usage, quota: estimate.quota }
			: null;
	} catch {
		return null;
	}
}
