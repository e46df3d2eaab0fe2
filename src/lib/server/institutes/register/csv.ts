import type { Register } from './read-register';

type Cell = string | number | null;

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would read as a formula (=, +, -, @, or a tab or
 * carriage return first) is prefixed with a quote; numbers are written as numbers.
 */
export function csvCell(value: Cell): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const REGISTER_CSV_HEADER = [
	'type',
	'id',
	'seq',
	'date',
	'kind',
	'programme',
	'party',
	'title',
	'amount_cents',
	'reverses_seq',
	'state',
	'terms',
	'commons',
	'memo',
	'prev_hash',
	'hash'
] as const;

type Row = Partial<Record<(typeof REGISTER_CSV_HEADER)[number], Cell>>;

function rowsOf(register: Register): Row[] {
	const awards = register.awards.map((award) => ({
		type: award.programme.kind === 'prize' ? 'prize' : 'award',
		id: award.id,
		date: award.decidedAt,
		kind: award.programme.kind,
		programme: award.programme.slug,
		party: award.applicant,
		title: award.title,
		amount_cents: award.awardedCents
	}));
	const bounties = register.bounties.map((bounty) => ({
		type: 'bounty',
		id: bounty.slug,
		date: bounty.closesAt,
		kind: 'bounty',
		programme: bounty.slug,
		title: bounty.title.fr,
		amount_cents: bounty.rewardCents,
		state: bounty.state
	}));
	const pledges = register.pledges.map((pledge) => ({
		type: 'pledge',
		id: pledge.id,
		date: pledge.startsOn,
		kind: pledge.kind,
		programme: pledge.programme.slug,
		party: pledge.business,
		amount_cents: pledge.totalCents,
		terms:
			pledge.kind === 'revenue_share'
				? `share_basis_points=${pledge.shareBasisPoints}`
				: `yearly_cents=${pledge.yearlyCents}`,
		commons: pledge.commons
	}));
	const ledger = register.ledger.entries.map((entry) => ({
		type: 'ledger',
		id: entry.id,
		seq: entry.seq,
		date: entry.recordedAt,
		kind: entry.kind,
		programme: entry.programme,
		party: entry.party,
		amount_cents: entry.amountCents,
		reverses_seq: entry.reversesSeq,
		memo: entry.memo,
		prev_hash: entry.prevHash,
		hash: entry.hash
	}));
	return [...awards, ...bounties, ...pledges, ...ledger];
}

/** The register as one table: a `type` column tells awards, prizes, bounties, pledges and ledger entries apart. */
export function registerCsv(register: Register): string {
	const lines = [REGISTER_CSV_HEADER.join(',')];
	for (const row of rowsOf(register))
		lines.push(REGISTER_CSV_HEADER.map((column) => csvCell(row[column] ?? null)).join(','));
	return lines.join('\r\n') + '\r\n';
}
