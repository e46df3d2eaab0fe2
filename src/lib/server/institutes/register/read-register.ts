import type { Database } from '../../db/client';
import { programme } from '../institutes.table';
import { publicEntry, type PublicLedgerEntry } from '../ledger/public-entry';
import { ledgerPages, verifyStoredLedger } from '../ledger/read-ledger';
import { latestEntries } from '../ledger/staff-ledger';
import { LedgerVerifier, type LedgerVerdict } from '../ledger/verify-ledger';
import { listPledges } from '../pledges/list-pledges';
import { registerAwards } from './awards';
import { registerBounties } from './bounties';

export type RegisterLedger = {
	entries: PublicLedgerEntry[];
	verified: boolean;
	/** The hash of the last entry when the chain holds; anyone who kept it can detect a rewrite. */
	head: string | null;
	/** The first altered entry, when the chain does not hold. */
	altered: { seq: number; id: string; reason: 'hash' | 'link' } | null;
};

async function programmeSlugs(db: Database) {
	const rows = await db.select({ id: programme.id, slug: programme.slug }).from(programme);
	return new Map(rows.map((row) => [row.id, row.slug]));
}

const verdictFields = (verdict: LedgerVerdict) =>
	verdict.ok
		? { verified: true, head: verdict.head, altered: null }
		: { verified: false, head: null, altered: { ...verdict.entry, reason: verdict.reason } };

/** The whole ledger, read a page at a time and verified on the way. */
async function wholeLedger(db: Database): Promise<RegisterLedger> {
	const slugs = await programmeSlugs(db);
	const verifier = new LedgerVerifier();
	const entries: PublicLedgerEntry[] = [];
	for await (const page of ledgerPages(db)) {
		verifier.add(page);
		for (const entry of page) entries.push(publicEntry(entry, slugs));
	}
	return { entries, ...verdictFields(verifier.verdict()) };
}

/** The public register as /api/register.json and .csv give it: public, no sign-in. */
export async function readRegister(db: Database, now: Date) {
	const [awards, bounties, pledges, ledger] = await Promise.all([
		registerAwards(db),
		registerBounties(db),
		listPledges(db),
		wholeLedger(db)
	]);
	return { generatedAt: now.toISOString(), awards, bounties, pledges, ledger };
}
export type Register = Awaited<ReturnType<typeof readRegister>>;

export const REGISTER_PAGE_ENTRIES = 30;

/** The /register page: the same, with the latest entries of the ledger only and the chain's verdict. */
export async function registerPage(db: Database) {
	const [awards, bounties, pledges, slugs, verdict, latest] = await Promise.all([
		registerAwards(db),
		registerBounties(db),
		listPledges(db),
		programmeSlugs(db),
		verifyStoredLedger(db),
		latestEntries(db, null, REGISTER_PAGE_ENTRIES)
	]);
	return {
		awards: awards.filter((award) => award.programme.kind !== 'prize'),
		prizes: awards.filter((award) => award.programme.kind === 'prize'),
		bounties,
		pledges,
		ledger: {
			entries: latest.entries.map((entry) => ({
				...publicEntry(entry, slugs),
				reversedBy: entry.reversedBy
			})),
			count: verdict.entries,
			...verdictFields(verdict)
		}
	};
}
