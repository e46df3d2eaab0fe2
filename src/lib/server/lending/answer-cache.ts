/** Instants in milliseconds: a hold's [start, blocked until), or a question's [from, to). */
export type Span = { from: number; to: number };

type Answer = { bytes: Uint8Array<ArrayBuffer>; period?: Span };

/**
 * Answers worked out from the kept catalogue, encoded (encoding a large answer again costs more
 * than finding it). A changed hold forgets only the answers whose period it could touch; answers
 * without a period do not depend on holds. Bounded in bytes: the oldest go first.
 */
export class AnswerCache {
	private readonly answers = new Map<string, Answer>();
	private size = 0;

	constructor(private readonly budget: number) {}

	get(key: string): Uint8Array<ArrayBuffer> | undefined {
		return this.answers.get(key)?.bytes;
	}

	set(key: string, bytes: Uint8Array<ArrayBuffer>, period?: Span) {
		if (bytes.byteLength > this.budget) return;
		this.delete(key);
		this.answers.set(key, { bytes, period });
		this.size += bytes.byteLength;
		for (const oldest of this.answers.keys()) {
			if (this.size <= this.budget) break;
			this.delete(oldest);
		}
	}

	/**
	 * Forgets every answer for a period that a hold over `held` could make busy: one starting
	 * before the hold ends and ending, stretched by the longest buffer, after it starts.
	 */
	forget(held: Span, longestBufferMs: number) {
		for (const [key, { period }] of this.answers) {
			if (period && period.from < held.to && period.to + longestBufferMs > held.from) this.delete(key);
		}
	}

	private delete(key: string) {
		const known = this.answers.get(key);
		if (!known) return;
		this.answers.delete(key);
		this.size -= known.bytes.byteLength;
	}
}
