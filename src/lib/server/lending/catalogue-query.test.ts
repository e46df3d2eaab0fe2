import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors';
import { parseCataloguePage, parseCatalogueQuery } from './catalogue-query';

describe('catalogue filters', () => {
	it('reads "free on my dates" from the page on the city clock; a missing time means the whole day', () => {
		expect(
			parseCataloguePage({ fromDate: '2026-11-26', fromTime: '14:00', toTime: '17:00' }, 'Europe/Paris')
		).toEqual({
			from: new Date('2026-11-26T13:00:00Z'),
			to: new Date('2026-11-26T16:00:00Z')
		});
		expect(parseCataloguePage({ q: ' zoom ', fromDate: '2026-11-26' }, 'Europe/Paris')).toEqual({
			q: 'zoom',
			from: new Date('2026-11-25T23:00:00Z'),
			to: new Date('2026-11-26T23:00:00Z')
		});
		expect(parseCataloguePage({}, 'Europe/Paris')).toEqual({});
	});

	it('refuses a period that ends before it starts, a half period and unreadable dates', () => {
		const queries: Record<string, string>[] = [
			{ fromDate: '2026-11-26', fromTime: '17:00', toTime: '14:00' },
			{ fromDate: '26/11/2026' },
			{ fromDate: '2026-11-26', fromTime: '25:00' }
		];
		for (const query of queries) {
			expect(() => parseCataloguePage(query, 'Europe/Paris'), JSON.stringify(query)).toThrow(InvalidInput);
		}
		expect(() => parseCatalogueQuery({ from: '2026-11-26T10:00:00Z' })).toThrow(InvalidInput);
		expect(() => parseCatalogueQuery({ q: 'x'.repeat(101) })).toThrow(InvalidInput);
	});
});
