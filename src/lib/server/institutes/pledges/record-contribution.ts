import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { InvalidInput, NotFound } from '../../errors';
import { parseInput } from '../../forms';
import { group } from '../../groups/groups.table';
import { appendLedgerEntry } from '../ledger/append-entry';
import { pledge } from '../ledger.table';
import { refuseOwnGroup } from './record-pledge';
import { contributionSchema } from './schemas';

/** The date, in UTC, of an instant: a contribution received "today" anywhere in Europe is not refused. */
const latestDay = (now: Date) => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/**
 * Records what a pledging business actually paid: a 'contribution' entry of the ledger, dated the
 * day it was received, in the name the group has today (the register keeps that name).
 */
export async function recordContribution(db: Database, actor: Actor | null, input: unknown, now: Date) {
	authorize(actor, 'ledger.record');
	const contribution = parseInput(contributionSchema, input);
	if (contribution.receivedOn > latestDay(now))
		throw new InvalidInput([{ path: 'receivedOn', message: m.pledge_received_future() }]);
	return db.transaction(async (tx) => {
		const [found] = await tx
			.select({ pledge, groupName: group.name })
			.from(pledge)
			.innerJoin(group, eq(group.id, pledge.groupId))
			.where(eq(pledge.id, contribution.pledge));
		if (!found) throw new NotFound(m.pledge_not_found());
		await refuseOwnGroup(tx, actor, found.pledge.groupId);
		const entry = await appendLedgerEntry(
			tx,
			{
				kind: 'contribution',
				amountCents: contribution.amount,
				programmeId: found.pledge.programmeId,
				applicationId: null,
				pledgeId: found.pledge.id,
				reversesSeq: null,
				party: found.groupName,
				memo: contribution.memo,
				recordedBy: actor.userId,
				recordedAt: new Date(`${contribution.receivedOn}T12:00:00Z`)
			},
			now
		);
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'ledger.contribution',
			subjectType: 'ledger_entry',
			subjectId: entry.id,
			after: { seq: entry.seq, amountCents: entry.amountCents, pledge: found.pledge.id, memo: entry.memo }
		});
		return entry;
	});
}
