import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../i18n/localized-text';
import type { Database } from '../../db/client';
import { group } from '../../groups/groups.table';
import { programme } from '../institutes.table';
import { ledgerEntry, pledge } from '../ledger.table';

export type PledgeContribution = {
	seq: number;
	kind: 'contribution' | 'reversal';
	amountCents: number;
	recordedAt: string;
	memo: string;
};

export type PledgeWithContributions = {
	id: string;
	business: string;
	programme: { slug: string; title: LocalizedText };
	kind: 'revenue_share' | 'yearly_amount';
	shareBasisPoints: number | null;
	yearlyCents: number | null;
	commons: string;
	startsOn: string;
	endsOn: string | null;
	contributions: PledgeContribution[];
	/** What was received: contributions less their reversals. */
	totalCents: number;
};

/** Every pledge, newest first, with what the ledger says each business has paid. */
export async function listPledges(db: Database): Promise<PledgeWithContributions[]> {
	const pledges = await db
		.select({ pledge, business: group.name, programme: { slug: programme.slug, title: programme.title } })
		.from(pledge)
		.innerJoin(group, eq(group.id, pledge.groupId))
		.innerJoin(programme, eq(programme.id, pledge.programmeId))
		.orderBy(desc(pledge.startsOn), asc(pledge.id));
	const ids = pledges.map((row) => row.pledge.id);
	const entries =
		ids.length === 0
			? []
			: await db
					.select()
					.from(ledgerEntry)
					.where(inArray(ledgerEntry.pledgeId, ids))
					.orderBy(asc(ledgerEntry.seq));
	return pledges.map(({ pledge: promise, business, programme: call }) => {
		const contributions = entries
			.filter((entry) => entry.pledgeId === promise.id && entry.kind !== 'award')
			.map((entry) => ({
				seq: entry.seq,
				kind: entry.kind as 'contribution' | 'reversal',
				amountCents: entry.amountCents,
				recordedAt: entry.recordedAt.toISOString(),
				memo: entry.memo
			}));
		return {
			id: promise.id,
			business,
			programme: call,
			kind: promise.kind,
			shareBasisPoints: promise.shareBasisPoints,
			yearlyCents: promise.yearlyCents,
			commons: promise.commons,
			startsOn: promise.startsOn,
			endsOn: promise.endsOn,
			contributions,
			totalCents: contributions.reduce((sum, entry) => sum + entry.amountCents, 0)
		};
	});
}

/** What the pledge form offers: pledge programmes, and business groups. */
export async function pledgeChoices(db: Database) {
	const [programmes, businesses] = await Promise.all([
		db
			.select({ slug: programme.slug, title: programme.title })
			.from(programme)
			.where(eq(programme.kind, 'pledge'))
			.orderBy(asc(programme.slug)),
		db
			.select({ slug: group.slug, name: group.name })
			.from(group)
			.where(eq(group.kind, 'business'))
			.orderBy(asc(group.name))
	]);
	return { programmes, businesses };
}
