import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache';

const bytes = (length: number) => new Uint8Array(length);

describe('the answer cache', () => {
	it('forgets only the answers whose period a hold could touch, buffer included', () => {
		const cache = new AnswerCache(1000);
		const periods = {
			before: { from: 0, to: 100 },
			'clear of the buffer': { from: 100, to: 190 },
			'within the buffer': { from: 100, to: 195 },
			overlapping: { from: 250, to: 350 },
			'from its end': { from: 300, to: 400 }
		};
		cache.set('no period', bytes(10));
		for (const [key, period] of Object.entries(periods)) cache.set(key, bytes(10), period);
		cache.forget({ from: 200, to: 300 }, 10);
		const kept = (key: string) => cache.get(key) !== undefined;
		expect(['no period', ...Object.keys(periods)].filter(kept)).toEqual([
			'no period',
			'before',
			'clear of the buffer',
			'from its end'
		]);
	});

	it('stays within its budget by forgetting the oldest answers', () => {
		const cache = new AnswerCache(25);
		cache.set('a', bytes(10));
		cache.set('b', bytes(10));
		cache.set('a', bytes(10));
		cache.set('c', bytes(10));
		expect([!!cache.get('a'), !!cache.get('b'), !!cache.get('c')]).toEqual([true, false, true]);
		cache.set('huge', bytes(26));
		expect(cache.get('huge')).toBeUndefined();
	});
});
