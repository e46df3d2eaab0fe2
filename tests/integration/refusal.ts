/** What a use case threw; fails the test when it did not refuse. */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (problem) {
		return problem;
	}
	throw new Error('expected a refusal');
}
