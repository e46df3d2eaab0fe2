import { describe, expect, it } from 'vitest';
import { HoldBook, nextHoldAfter } from './hold-book';

const change = (bookingId: string, startsAt: number, blockedUntil: number, active = true) => ({
	bookingId,
	unitId: 'unit-1',
	startsAt,
	blockedUntil,
	active
});

describe('the hold book', () => {
	it('keeps a unit’s active holds sorted by start, and says which periods changed', () => {
		const book = new HoldBook(0);
		expect(book.apply(change('b', 50, 60))).toEqual([{ from: 50, to: 60 }]);
		expect(book.apply(change('a', 10, 20))).toEqual([{ from: 10, to: 20 }]);
		expect(book.apply(change('c', 30, 40))).toEqual([{ from: 30, to: 40 }]);
		expect(book.listOf('unit-1').map((hold) => hold.bookingId)).toEqual(['a', 'c', 'b']);
		expect(book.apply(change('c', 30, 40))).toEqual([]);
		expect(book.apply(change('c', 70, 80))).toEqual([
			{ from: 30, to: 40 },
			{ from: 70, to: 80 }
		]);
		expect(book.apply(change('a', 10, 20, false))).toEqual([{ from: 10, to: 20 }]);
		expect(book.apply(change('a', 10, 20, false))).toEqual([]);
		expect(book.listOf('unit-1').map((hold) => hold.bookingId)).toEqual(['b', 'c']);
		expect(book.size).toBe(2);
	});

	it('does not keep holds that ended before it started keeping', () => {
		const book = new HoldBook(100);
		expect(book.apply(change('old', 10, 100))).toEqual([]);
		expect(book.apply(change('late', 90, 101))).toEqual([{ from: 90, to: 101 }]);
		expect(book.listOf('unit-1').map((hold) => hold.bookingId)).toEqual(['late']);
	});

	it('hands out one live list per unit', () => {
		const book = new HoldBook(0);
		const list = book.listOf('unit-1');
		book.apply(change('a', 10, 20));
		expect(list).toHaveLength(1);
		book.apply(change('a', 10, 20, false));
		expect(list).toHaveLength(0);
		expect(book.listOf('unit-1')).toBe(list);
	});

	it('finds the first hold still blocking after an instant', () => {
		const book = new HoldBook(0);
		for (const [id, start] of [
			['a', 0],
			['b', 100],
			['c', 200]
		] as const)
			book.apply(change(id, start, start + 50));
		const holds = book.listOf('unit-1');
		expect(nextHoldAfter(holds, -10)?.bookingId).toBe('a');
		expect(nextHoldAfter(holds, 49)?.bookingId).toBe('a');
		expect(nextHoldAfter(holds, 50)?.bookingId).toBe('b');
		expect(nextHoldAfter(holds, 120)?.bookingId).toBe('b');
		expect(nextHoldAfter(holds, 250)).toBeUndefined();
		expect(nextHoldAfter([], 0)).toBeUndefined();
	});
});
