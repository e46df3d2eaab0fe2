import type { StoredEntry } from './verify-ledger';

/**
 * An entry as the register publishes it: every field its hash covers (so anyone can recompute the
 * chain), and the programme's address for people.
 */
export type PublicLedgerEntry = Omit<StoredEntry, 'recordedAt'> & {
	recordedAt: string;
	programme: string | null;
};

export function publicEntry(
	entry: StoredEntry,
	programmeSlugs: ReadonlyMap<string, string>
): PublicLedgerEntry {
	return {
		seq: entry.seq,
		id: entry.id,
		recordedAt: entry.recordedAt.toISOString(),
		kind: entry.kind,
		amountCents: entry.amountCents,
		party: entry.party,
		memo: entry.memo,
		programme: entry.programmeId ? (programmeSlugs.get(entry.programmeId) ?? null) : null,
		programmeId: entry.programmeId,
		applicationId: entry.applicationId,
		pledgeId: entry.pledgeId,
		reversesSeq: entry.reversesSeq,
		recordedBy: entry.recordedBy,
		prevHash: entry.prevHash,
		hash: entry.hash
	};
}

/** The entry back as the hash saw it, for a reader of the register who re-verifies the chain. */
export const storedEntry = (entry: PublicLedgerEntry): StoredEntry => ({
	...entry,
	recordedAt: new Date(entry.recordedAt)
});
