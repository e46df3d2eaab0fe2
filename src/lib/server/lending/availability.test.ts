import { describe, expect, it } from 'vitest';
import { availabilitySteps, bookableCount, freeUnitsFor, type Occupancy } from './availability';

const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));
const unit = (id: string, modelId = 'mic', siteId = 'capucins') => ({ id, modelId, siteId, assetTag: id });

// Two microphones and one recorder at Capucins; mic-1 is out 10:00–12:00 (buffer included).
const occupancy: Occupancy = {
	units: [unit('mic-1'), unit('mic-2'), unit('rec-1', 'recorder')],
	busy: new Map([['mic-1', [{ start: at(10), end: at(12) }]]])
};

describe('availability', () => {
	it('finds the units free for a period plus the buffer after it', () => {
		const line = { modelId: 'mic', bufferMinutes: 60 };
		expect(
			freeUnitsFor(occupancy, line, 'capucins', { start: at(12), end: at(14) }).map((u) => u.id)
		).toEqual(['mic-1', 'mic-2']);
		// Returning at 9:30 leaves mic-1 blocked by its buffer until 10:30: it overlaps.
		const early = { start: at(8), end: new Date(at(9).getTime() + 30 * 60_000) };
		expect(freeUnitsFor(occupancy, line, 'capucins', early).map((u) => u.id)).toEqual(['mic-2']);
		expect(freeUnitsFor(occupancy, line, 'bellevue', { start: at(12), end: at(14) })).toEqual([]);
	});

	it('counts whole kits: the scarcest model decides', () => {
		const kit = [
			{ modelId: 'mic', quantity: 2, bufferMinutes: 0 },
			{ modelId: 'recorder', quantity: 1, bufferMinutes: 0 }
		];
		expect(bookableCount(occupancy, kit, 'capucins', { start: at(12), end: at(14) })).toBe(1);
		expect(bookableCount(occupancy, kit, 'capucins', { start: at(11), end: at(14) })).toBe(0);
	});

	it('describes a window as contiguous steps of how many are free', () => {
		const steps = availabilitySteps(occupancy, [{ modelId: 'mic', quantity: 1 }], 'capucins', {
			start: at(8),
			end: at(16)
		});
		expect(steps).toEqual([
			{ start: at(8), end: at(10), available: 2 },
			{ start: at(10), end: at(12), available: 1 },
			{ start: at(12), end: at(16), available: 2 }
		]);
		const kitSteps = availabilitySteps(occupancy, [{ modelId: 'mic', quantity: 2 }], 'capucins', {
			start: at(8),
			end: at(16)
		});
		expect(kitSteps.map((step) => step.available)).toEqual([1, 0, 1]);
	});
});
