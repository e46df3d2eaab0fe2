import { describe, expect, it } from 'vitest';
import { summarizeScores } from './scoring';

describe('summarizeScores', () => {
	it('has no average before anyone scored', () => {
		expect(summarizeScores([])).toEqual({ reviewers: [], overall: null });
	});

	it('weighs each criterion for a reviewer, then gives each reviewer the same voice', () => {
		const summary = summarizeScores([
			// Anne: (5 × 3 + 2 × 1) / 4 = 4.25
			{ reviewerId: 'anne', score: 5, weight: 3 },
			{ reviewerId: 'anne', score: 2, weight: 1 },
			// Bob scored one criterion only: 1
			{ reviewerId: 'bob', score: 1, weight: 1 }
		]);
		expect(summary.reviewers).toEqual([
			{ reviewerId: 'anne', average: 4.25 },
			{ reviewerId: 'bob', average: 1 }
		]);
		// Not the mean of all three scores (8 / 3) nor their weighted mean (18 / 5).
		expect(summary.overall).toBe(2.625);
	});

	it('keeps zeros as scores', () => {
		expect(summarizeScores([{ reviewerId: 'anne', score: 0, weight: 2 }]).overall).toBe(0);
	});
});
