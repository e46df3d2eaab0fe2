// Prints each runner's totals from its JSON report and fails if anything failed, was skipped or
// never ran (a missing report counts as a failure).
import { existsSync, readFileSync } from 'node:fs';

let broken = false;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.log(`${file}: missing — that runner did not finish`);
		broken = true;
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	const totals = 'numTotalTests' in report ? vitestTotals(report) : playwrightTotals(report);
	console.log(
		`${file}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.total} in all`
	);
	if (totals.failed > 0 || totals.skipped > 0 || totals.total === 0) broken = true;
}
process.exit(broken ? 1 : 0);

function vitestTotals(report) {
	return {
		total: report.numTotalTests,
		passed: report.numPassedTests,
		failed: report.numFailedTests,
		skipped: report.numPendingTests + report.numTodoTests
	};
}

function playwrightTotals(report) {
	const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
	return {
		total: expected + unexpected + flaky + skipped,
		passed: expected,
		failed: unexpected + flaky,
		skipped
	};
}
