import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

// French puts a narrow no-break space between number and unit.
const spaced = (text: string) => text.replace(/\s/g, ' ');

describe('formatBytes', () => {
	it('picks the unit from the size, in the reader’s language', () => {
		expect(formatBytes(263_400, 'en')).toBe('263 kB');
		expect(spaced(formatBytes(263_400, 'fr'))).toBe('263 ko');
		expect(formatBytes(1_440_000, 'en')).toBe('1.4 MB');
		expect(spaced(formatBytes(1_440_000, 'fr'))).toBe('1,4 Mo');
		expect(formatBytes(12_300_000_000, 'en')).toBe('12.3 GB');
	});

	it('never calls something stored nothing', () => {
		expect(formatBytes(120, 'en')).toBe('1 kB');
		expect(formatBytes(0, 'en')).toBe('0 kB');
	});
});
