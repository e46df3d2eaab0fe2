import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: every field that carries meaning, and the hash of the entry before. */
export type HashedFields = {
	id: string;
	recordedAt: Date;
	kind: 'award' | 'contribution' | 'reversal';
	amountCents: number;
	programmeId: string | null;
	applicationId: string | null;
	pledgeId: string | null;
	reversesSeq: number | null;
	party: string;
	memo: string;
	recordedBy: string | null;
	prevHash: string;
};

/** SHA-256 over a fixed-order JSON array, so the same entry always gives the same hash. */
export function entryHash(entry: HashedFields): string {
	const canonical = JSON.stringify([
		entry.id,
		entry.recordedAt.toISOString(),
		entry.kind,
		entry.amountCents,
		entry.programmeId,
		entry.applicationId,
		entry.pledgeId,
		entry.reversesSeq,
		entry.party,
		entry.memo,
		entry.recordedBy,
		entry.prevHash
	]);
	return createHash('sha256').update(canonical).digest('hex');
}
