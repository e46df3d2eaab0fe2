import { describe, expect, it } from 'vitest';
import { contentRangeOf, parseRange } from './range';

const SIZE = 1000;

describe('parseRange', () => {
	it.each([
		['bytes=0-499', { start: 0, end: 499 }],
		['bytes=500-999', { start: 500, end: 999 }],
		['bytes=500-5000', { start: 500, end: 999 }],
		['bytes=999-999', { start: 999, end: 999 }],
		['bytes=0-', { start: 0, end: 999 }],
		['bytes=900-', { start: 900, end: 999 }],
		['bytes=-100', { start: 900, end: 999 }],
		['bytes=-5000', { start: 0, end: 999 }],
		['Bytes=1-2', { start: 1, end: 2 }],
		[' bytes = 1-2 ', { start: 1, end: 2 }]
	])('reads %j as a single range', (header, range) => {
		expect(parseRange(header, SIZE)).toEqual(range);
	});

	it.each([
		['bytes=1000-', 'a start at the end'],
		['bytes=1000-1200', 'a start past the end'],
		['bytes=-0', 'an empty suffix']
	])('answers %j (%s) as unsatisfiable', (header) => {
		expect(parseRange(header, SIZE)).toBe('unsatisfiable');
	});

	it('has nothing to offer from an empty file but the whole of it', () => {
		expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
		expect(parseRange('bytes=-1', 0)).toBe('unsatisfiable');
		expect(parseRange(null, 0)).toBeNull();
	});

	it.each<[string | null, string]>([
		[null, 'no header'],
		['', 'an empty header'],
		['items=0-1', 'another unit'],
		['bytes', 'no ranges'],
		['bytes=', 'an empty range set'],
		['bytes=-', 'a range without ends'],
		['bytes=5-1', 'a range ending before it starts'],
		['bytes=a-b', 'letters'],
		['bytes=1.5-2', 'a fraction'],
		['bytes=0-1=2', 'trailing text'],
		['bytes=0-1, 5-6', 'two ranges: the whole file is sent, not a multipart answer'],
		['bytes=0-1,', 'a trailing comma']
	])('ignores %j (%s): the whole file is sent', (header) => {
		expect(parseRange(header, SIZE)).toBeNull();
	});
});

describe('contentRangeOf', () => {
	it('describes a range for 206 and the size alone for 416', () => {
		expect(contentRangeOf({ start: 0, end: 499 }, SIZE)).toBe('bytes 0-499/1000');
		expect(contentRangeOf('unsatisfiable', SIZE)).toBe('bytes */1000');
	});
});
