import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from './search';

describe('catalogue search', () => {
	it('ignores accents and case in French and English', () => {
		expect(matchesSearch(['Vidéoprojecteur Epson', 'Epson video projector'], 'videoprojecteur')).toBe(true);
		expect(matchesSearch(['Vidéoprojecteur Epson'], 'VIDÉOPROJECTEUR')).toBe(true);
		expect(matchesSearch(['Trépied Manfrotto', 'Manfrotto tripod'], 'tripod')).toBe(true);
		expect(matchesSearch(['Kit caméra cinéma Sony FX30'], 'camera sony')).toBe(true);
	});

	it('needs every word, and an empty query matches everything', () => {
		expect(matchesSearch(['Enregistreur Zoom H5'], 'zoom h6')).toBe(false);
		expect(matchesSearch(['Enregistreur Zoom H5'], '   ')).toBe(true);
	});

	it('folds apostrophes and spaces', () => {
		expect(foldForSearch('  L’Œil   d’or ')).toBe('l œil d or');
	});
});
