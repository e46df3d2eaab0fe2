/** One reviewer's score of one criterion, with that criterion's weight. */
export type WeightedScore = { reviewerId: string; score: number; weight: number };

export type ScoreSummary = {
	/** Each reviewer's weighted average (0–5), in the order they first appear. */
	reviewers: { reviewerId: string; average: number }[];
	/** The mean of the reviewers' weighted averages; null when nobody scored yet. */
	overall: number | null;
};

/**
 * The one place averages are computed. A reviewer's average weighs each criterion; the overall
 * average gives every reviewer the same voice, however many criteria they scored.
 */
export function summarizeScores(scores: readonly WeightedScore[]): ScoreSummary {
	const sums = new Map<string, { weighted: number; weights: number }>();
	for (const { reviewerId, score, weight } of scores) {
		const sum = sums.get(reviewerId) ?? { weighted: 0, weights: 0 };
		sum.weighted += score * weight;
		sum.weights += weight;
		sums.set(reviewerId, sum);
	}
	const reviewers = [...sums]
		.filter(([, sum]) => sum.weights > 0)
		.map(([reviewerId, sum]) => ({ reviewerId, average: sum.weighted / sum.weights }));
	const overall =
		reviewers.length === 0
			? null
			: reviewers.reduce((total, entry) => total + entry.average, 0) / reviewers.length;
	return { reviewers, overall };
}
