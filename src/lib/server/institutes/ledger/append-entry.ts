import { randomUUID } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { ledgerEntry } from '../ledger.table';
import { entryHash, GENESIS_HASH, type HashedFields } from './entry-hash';

export type NewLedgerEntry = Omit<HashedFields, 'id' | 'prevHash' | 'recordedAt'> & { recordedAt?: Date };

/**
 * Appends one entry after the current head. Call inside the transaction of the change it records;
 * the lock makes concurrent appends wait their turn instead of forking the chain.
 */
export async function appendLedgerEntry(tx: Database, entry: NewLedgerEntry, now: Date) {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ledger_entry'))`);
	const [head] = await tx
		.select({ hash: ledgerEntry.hash })
		.from(ledgerEntry)
		.orderBy(desc(ledgerEntry.seq))
		.limit(1);
	const fields: HashedFields = {
		...entry,
		recordedAt: entry.recordedAt ?? now,
		id: randomUUID(),
		prevHash: head?.hash ?? GENESIS_HASH
	};
	const [inserted] = await tx
		.insert(ledgerEntry)
		.values({ ...fields, hash: entryHash(fields) })
		.returning();
	if (!inserted) throw new Error('the ledger entry was not written');
	return inserted;
}
