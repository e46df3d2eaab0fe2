import { desc, inArray, lt } from 'drizzle-orm';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { ledgerEntry } from '../ledger.table';
import { verifyStoredLedger } from './read-ledger';

export const STAFF_LEDGER_PAGE = 50;

/** The newest entries (before `before`, when paging back), what reversed them, and the chain's verdict. */
export async function latestEntries(db: Database, before: number | null, limit = STAFF_LEDGER_PAGE) {
	const entries = await db
		.select()
		.from(ledgerEntry)
		.where(before ? lt(ledgerEntry.seq, before) : undefined)
		.orderBy(desc(ledgerEntry.seq))
		.limit(limit + 1);
	const shown = entries.slice(0, limit);
	const seqs = shown.map((entry) => entry.seq);
	const reversals =
		seqs.length === 0
			? []
			: await db
					.select({ seq: ledgerEntry.seq, reverses: ledgerEntry.reversesSeq })
					.from(ledgerEntry)
					.where(inArray(ledgerEntry.reversesSeq, seqs));
	const reversedBy = new Map(reversals.flatMap(({ seq, reverses }) => (reverses ? [[reverses, seq]] : [])));
	return {
		entries: shown.map((entry) => ({ ...entry, reversedBy: reversedBy.get(entry.seq) ?? null })),
		older: entries.length > limit ? (shown.at(-1)?.seq ?? null) : null
	};
}

/** The staff page of the ledger: its entries with their hashes, and whether the chain holds. */
export async function ledgerForStaff(db: Database, actor: Actor | null, before: number | null) {
	authorize(actor, 'ledger.record');
	const [verdict, page] = await Promise.all([verifyStoredLedger(db), latestEntries(db, before)]);
	return { verdict, ...page };
}
