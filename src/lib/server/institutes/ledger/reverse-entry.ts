import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../db/errors';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { lineText } from '../../text-fields';
import { ledgerEntry, pledge } from '../ledger.table';
import { refuseOwnGroup } from '../pledges/record-pledge';
import { appendLedgerEntry } from './append-entry';

export const reversalSchema = z.object({
	seq: z.coerce
		.number({ error: () => m.ledger_seq_invalid() })
		.int({ error: () => m.ledger_seq_invalid() })
		.positive({ error: () => m.ledger_seq_invalid() })
		.max(Number.MAX_SAFE_INTEGER, { error: () => m.ledger_seq_invalid() }),
	reason: lineText({ max: 300, required: () => m.ledger_reason_required() }).refine(
		(text) => text.length >= 5,
		{
			error: () => m.ledger_reason_required()
		}
	)
});

const alreadyReversed = () => new Refused('already_reversed', m.ledger_already_reversed());

/**
 * Corrects an entry the only way an append-only ledger allows: a new 'reversal' entry for the
 * opposite amount, pointing at it, with the reason as its memo. An entry is reversed once at most
 * (a unique index keeps that even against a race).
 */
export async function reverseLedgerEntry(db: Database, actor: Actor | null, input: unknown, now: Date) {
	authorize(actor, 'ledger.record');
	const { seq, reason } = parseInput(reversalSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const [original] = await tx.select().from(ledgerEntry).where(eq(ledgerEntry.seq, seq));
			if (!original) throw new NotFound(m.ledger_entry_not_found());
			if (original.kind === 'reversal')
				throw new Refused('reversal_not_reversible', m.ledger_reversal_not_reversible());
			const [reversed] = await tx
				.select({ seq: ledgerEntry.seq })
				.from(ledgerEntry)
				.where(eq(ledgerEntry.reversesSeq, seq));
			if (reversed) throw alreadyReversed();
			if (original.pledgeId) {
				const [promise] = await tx.select().from(pledge).where(eq(pledge.id, original.pledgeId));
				if (promise) await refuseOwnGroup(tx, actor, promise.groupId);
			}
			const entry = await appendLedgerEntry(
				tx,
				{
					kind: 'reversal',
					amountCents: -original.amountCents,
					programmeId: original.programmeId,
					applicationId: original.applicationId,
					pledgeId: original.pledgeId,
					reversesSeq: original.seq,
					party: original.party,
					memo: reason,
					recordedBy: actor.userId
				},
				now
			);
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'ledger.reversal',
				subjectType: 'ledger_entry',
				subjectId: entry.id,
				after: { seq: entry.seq, reverses: original.seq, reason }
			});
			return entry;
		});
	} catch (problem) {
		if (sqlStateOf(problem) === UNIQUE_VIOLATION) throw alreadyReversed();
		throw problem;
	}
}
