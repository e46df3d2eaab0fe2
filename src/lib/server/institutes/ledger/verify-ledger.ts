import { entryHash, GENESIS_HASH, type HashedFields } from './entry-hash';

/** An entry as stored: what its hash covers, its place in the chain, and the hash kept with it. */
export type StoredEntry = HashedFields & { seq: number; hash: string };

export type LedgerVerdict =
	| { ok: true; entries: number; head: string }
	| { ok: false; entries: number; entry: { seq: number; id: string }; reason: 'hash' | 'link' };

/**
 * Follows the chain through entries given in `seq` order, one page at a time, so a long ledger
 * never sits in memory whole. The first entry that does not hold together is the one named: its
 * recomputed hash differs from the stored one ('hash': a field was changed), or it does not point
 * to the entry before it ('link': an entry was removed, inserted or reordered).
 */
export class LedgerVerifier {
	private head = GENESIS_HASH;
	private count = 0;
	private failure: LedgerVerdict | null = null;

	/** Feeds the next entries; returns false once an altered entry is found (no need to read on). */
	add(entries: Iterable<StoredEntry>): boolean {
		if (this.failure) return false;
		for (const entry of entries) {
			const named = { seq: entry.seq, id: entry.id };
			if (entry.prevHash !== this.head) {
				this.failure = { ok: false, entries: this.count, entry: named, reason: 'link' };
			} else if (entryHash(entry) !== entry.hash) {
				this.failure = { ok: false, entries: this.count, entry: named, reason: 'hash' };
			}
			if (this.failure) return false;
			this.head = entry.hash;
			this.count += 1;
		}
		return true;
	}

	verdict(): LedgerVerdict {
		return this.failure ?? { ok: true, entries: this.count, head: this.head };
	}
}

/** The chain's verdict over a whole list of entries in `seq` order. */
export function verifyLedger(entries: Iterable<StoredEntry>): LedgerVerdict {
	const verifier = new LedgerVerifier();
	verifier.add(entries);
	return verifier.verdict();
}
