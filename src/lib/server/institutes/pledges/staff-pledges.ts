import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { listPledges, pledgeChoices } from './list-pledges';

/** The staff page of pledges: every pledge and its contributions, and what a new one may name. */
export async function pledgesForStaff(db: Database, actor: Actor | null) {
	authorize(actor, 'ledger.record');
	const [pledges, choices] = await Promise.all([listPledges(db), pledgeChoices(db)]);
	return { pledges, ...choices };
}
