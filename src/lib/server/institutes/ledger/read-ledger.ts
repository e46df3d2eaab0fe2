import { asc, gt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { ledgerEntry } from '../ledger.table';
import { LedgerVerifier, type LedgerVerdict, type StoredEntry } from './verify-ledger';

export const LEDGER_PAGE_SIZE = 1000;

/** The ledger in `seq` order, a page at a time (keyset: no offset that slows down as it grows). */
export async function* ledgerPages(db: Database, pageSize = LEDGER_PAGE_SIZE): AsyncGenerator<StoredEntry[]> {
	let after = 0;
	for (;;) {
		const page = await db
			.select()
			.from(ledgerEntry)
			.where(gt(ledgerEntry.seq, after))
			.orderBy(asc(ledgerEntry.seq))
			.limit(pageSize);
		if (page.length === 0) return;
		yield page;
		const last = page.at(-1);
		if (!last || page.length < pageSize) return;
		after = last.seq;
	}
}

/** Re-computes the whole chain as stored, stopping at the first altered entry. */
export async function verifyStoredLedger(db: Database, pageSize = LEDGER_PAGE_SIZE): Promise<LedgerVerdict> {
	const verifier = new LedgerVerifier();
	for await (const page of ledgerPages(db, pageSize)) if (!verifier.add(page)) break;
	return verifier.verdict();
}
