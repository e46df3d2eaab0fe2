import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { Refused } from '../../errors';
import { parseInput } from '../../forms';
import { groupBySlug, standingIn } from '../../groups/standing';
import { pledge } from '../ledger.table';
import { programmeBySlug } from '../programmes/lookup';
import { pledgeSchema } from './schemas';

/** OpenCollective's rule: nobody records, for the ledger, what their own group gives. */
export async function refuseOwnGroup(db: Database, actor: Actor, groupId: string) {
	if ((await standingIn(db, groupId, actor)).role !== null)
		throw new Refused('own_group', m.pledge_own_group(), 403);
}

/** Staff record a business's promise to give back to named commons, under a pledge programme. */
export async function recordPledge(db: Database, actor: Actor | null, input: unknown): Promise<string> {
	authorize(actor, 'ledger.record');
	const terms = parseInput(pledgeSchema, input);
	return db.transaction(async (tx) => {
		const call = await programmeBySlug(tx, terms.programme);
		if (call.kind !== 'pledge')
			throw new Refused('not_pledge_programme', m.pledge_programme_not_pledge(), 400);
		const business = await groupBySlug(tx, terms.group);
		if (business.kind !== 'business') throw new Refused('not_business', m.pledge_group_not_business(), 400);
		await refuseOwnGroup(tx, actor, business.id);
		const [made] = await tx
			.insert(pledge)
			.values({
				programmeId: call.id,
				groupId: business.id,
				kind: terms.kind,
				shareBasisPoints: terms.kind === 'revenue_share' ? terms.share : null,
				yearlyCents: terms.kind === 'yearly_amount' ? terms.yearlyAmount : null,
				commons: terms.commons,
				startsOn: terms.startsOn,
				endsOn: terms.endsOn,
				recordedBy: actor.userId
			})
			.returning({ id: pledge.id });
		if (!made) throw new Error('the pledge was not written');
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'pledge.record',
			subjectType: 'pledge',
			subjectId: made.id,
			after: { ...terms, groupName: business.name }
		});
		return made.id;
	});
}
