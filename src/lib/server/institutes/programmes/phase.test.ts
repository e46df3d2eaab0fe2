import { describe, expect, it } from 'vitest';
import { byPhase, phaseOf } from './phase';

const now = new Date('2027-03-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('programme phase', () => {
	it('is upcoming before it opens, open until it closes, past from the closing instant', () => {
		expect(phaseOf({ opensAt: at('2027-03-01T12:00:01Z'), closesAt: null }, now)).toBe('upcoming');
		expect(phaseOf({ opensAt: at('2027-03-01T12:00:00Z'), closesAt: null }, now)).toBe('open');
		expect(phaseOf({ opensAt: at('2027-01-01T00:00:00Z'), closesAt: at('2027-03-01T12:00:01Z') }, now)).toBe(
			'open'
		);
		expect(phaseOf({ opensAt: at('2027-01-01T00:00:00Z'), closesAt: at('2027-03-01T12:00:00Z') }, now)).toBe(
			'past'
		);
	});

	it('sorts programmes into phases keeping their order', () => {
		const a = { id: 'a', opensAt: at('2027-01-01T00:00:00Z'), closesAt: null };
		const b = { id: 'b', opensAt: at('2027-04-01T00:00:00Z'), closesAt: null };
		const c = { id: 'c', opensAt: at('2026-01-01T00:00:00Z'), closesAt: at('2026-06-01T00:00:00Z') };
		const d = { id: 'd', opensAt: at('2026-12-01T00:00:00Z'), closesAt: at('2027-06-01T00:00:00Z') };
		const phases = byPhase([a, b, c, d], now);
		expect(phases.open.map((p) => p.id)).toEqual(['a', 'd']);
		expect(phases.upcoming.map((p) => p.id)).toEqual(['b']);
		expect(phases.past.map((p) => p.id)).toEqual(['c']);
	});
});
