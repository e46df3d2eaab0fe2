import { describe, expect, it } from 'vitest';
import { csvCell } from './csv';

describe('csvCell', () => {
	it('quotes commas, quotes and line breaks (RFC 4180)', () => {
		expect(csvCell('Brest, France')).toBe('"Brest, France"');
		expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
		expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
		expect(csvCell('simple')).toBe('simple');
		expect(csvCell(null)).toBe('');
	});

	it.each(['=1+1', '+33 2 98', '-2+3', '@SUM(A1)', '\tcmd'])(
		'keeps a spreadsheet from reading %j as a formula',
		(text) => {
			expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
		}
	);

	it('writes numbers as numbers, negative ones included', () => {
		expect(csvCell(-80_000)).toBe('-80000');
		expect(csvCell(150_000)).toBe('150000');
	});
});
