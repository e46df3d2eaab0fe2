import { and, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../../db/client';
import { InvalidInput } from '../../errors';
import { group } from '../../groups/groups.table';
import { application } from '../applications.table';
import { programme } from '../institutes.table';
import { appendLedgerEntry } from '../ledger/append-entry';
import { formatCents } from '../../../institutes/money';
import type { ReviewedApplication } from './reviewed-application';

const refuse = (message: string) => new InvalidInput([{ path: 'amount', message }]);

/**
 * Checks an amount against the programme's maximum and what is left of its budget. The programme
 * row stays locked until the transaction ends, so two acceptances cannot both spend the last euros.
 */
export async function checkAward(tx: Database, programmeId: string, amountCents: number | null) {
	const [call] = await tx.select().from(programme).where(eq(programme.id, programmeId)).for('update');
	if (!call) throw new Error('an application without its programme');
	if (amountCents === null) {
		if (call.budgetCents !== null) throw refuse(m.review_amount_required());
		return call;
	}
	if (call.maxAmountCents !== null && amountCents > call.maxAmountCents)
		throw refuse(m.review_amount_over_max({ max: formatCents(call.maxAmountCents) }));
	if (call.budgetCents !== null) {
		const [spent] = await tx
			.select({ cents: sql<string>`coalesce(sum(${application.awardedCents}), 0)` })
			.from(application)
			.where(and(eq(application.programmeId, call.id), eq(application.status, 'accepted')));
		const left = call.budgetCents - Number(spent?.cents ?? 0);
		if (amountCents > left)
			throw refuse(m.review_amount_over_budget({ left: formatCents(Math.max(left, 0)) }));
	}
	return call;
}

/**
 * Who the ledger names: a group by its name; a person never, since the ledger cannot forget and a
 * person may close their account. The register shows a person's name from the application, while
 * they agree to it.
 */
async function partyOf(tx: Database, subject: ReviewedApplication): Promise<string> {
	if (subject.groupId) {
		const [found] = await tx.select({ name: group.name }).from(group).where(eq(group.id, subject.groupId));
		if (found) return found.name;
	}
	// The ledger is public and in the city's language.
	return m.review_award_party_anonymous({}, { locale: 'fr' });
}

/** The award as a ledger entry, in the transaction that accepts the application. */
export async function recordAward(
	tx: Database,
	subject: ReviewedApplication,
	call: { id: string; slug: string },
	amountCents: number,
	recordedBy: string,
	now: Date
) {
	return appendLedgerEntry(
		tx,
		{
			kind: 'award',
			amountCents,
			programmeId: call.id,
			applicationId: subject.id,
			pledgeId: null,
			reversesSeq: null,
			party: await partyOf(tx, subject),
			memo: `${call.slug} ${subject.id}`,
			recordedBy
		},
		now
	);
}
