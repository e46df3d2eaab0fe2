import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { LocalizedText } from '../../../i18n/localized-text';
import type { ApplicationStatus } from '../../../institutes/transitions';
import type { Database } from '../../db/client';
import { application } from '../applications.table';
import { institute, programme } from '../institutes.table';
import { bountyState, type BountyState } from './bounty-state';

export type RegisterBounty = {
	slug: string;
	title: LocalizedText;
	institute: { slug: string; name: LocalizedText };
	rewardCents: number | null;
	closesAt: string | null;
	state: BountyState;
};

/** Every published bounty and where it stands, from the applications made to it. */
export async function registerBounties(db: Database): Promise<RegisterBounty[]> {
	const rows = await db
		.select({
			programme,
			institute: { slug: institute.slug, name: institute.name },
			status: application.status
		})
		.from(programme)
		.innerJoin(institute, eq(institute.id, programme.instituteId))
		.leftJoin(application, eq(application.programmeId, programme.id))
		.where(and(eq(programme.kind, 'bounty'), isNotNull(programme.publishedAt)))
		.orderBy(asc(programme.opensAt), asc(programme.slug));
	const bounties = new Map<string, { row: (typeof rows)[number]; statuses: ApplicationStatus[] }>();
	for (const row of rows) {
		const entry = bounties.get(row.programme.id) ?? { row, statuses: [] };
		if (row.status) entry.statuses.push(row.status);
		bounties.set(row.programme.id, entry);
	}
	return [...bounties.values()].map(({ row, statuses }) => ({
		slug: row.programme.slug,
		title: row.programme.title,
		institute: row.institute,
		rewardCents: row.programme.maxAmountCents ?? row.programme.budgetCents,
		closesAt: row.programme.closesAt?.toISOString() ?? null,
		state: bountyState(statuses)
	}));
}
