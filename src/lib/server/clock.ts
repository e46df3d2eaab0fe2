/**
 * The clock lending runs on: the real one, or, for a training session, a demo or an end-to-end
 * journey that must fall on an opening day, one that starts at a set instant and runs on from there.
 */
export function cityClock(start?: Date): () => Date {
	if (!start) return () => new Date();
	const offset = start.getTime() - Date.now();
	return () => new Date(Date.now() + offset);
}
