import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type HashedFields } from './entry-hash';
import { LedgerVerifier, verifyLedger, type StoredEntry } from './verify-ledger';

/** The entry at `index`, which the test made sure exists. */
function at(entries: StoredEntry[], index: number): StoredEntry {
	const entry = entries[index];
	if (!entry) throw new Error(`no entry at ${index}`);
	return entry;
}

function chain(count: number): StoredEntry[] {
	const entries: StoredEntry[] = [];
	let prevHash = GENESIS_HASH;
	for (let seq = 1; seq <= count; seq += 1) {
		const fields: HashedFields = {
			id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
			recordedAt: new Date(Date.UTC(2027, 0, seq)),
			kind: 'contribution',
			amountCents: 10_000 * seq,
			programmeId: null,
			applicationId: null,
			pledgeId: '00000000-0000-4000-8000-00000000beef',
			reversesSeq: null,
			party: 'Penn ar Bed Logiciels Libres',
			memo: `Versement ${seq}`,
			recordedBy: null,
			prevHash
		};
		const hash = entryHash(fields);
		entries.push({ ...fields, seq, hash });
		prevHash = hash;
	}
	return entries;
}

describe('verifyLedger', () => {
	it('accepts an empty ledger, whose head is the genesis hash', () => {
		expect(verifyLedger([])).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
	});

	it('accepts an intact chain and gives its head', () => {
		const entries = chain(5);
		expect(verifyLedger(entries)).toEqual({ ok: true, entries: 5, head: entries[4]?.hash });
	});

	it('names the entry whose amount was changed', () => {
		const entries = chain(5);
		entries[2] = { ...at(entries, 2), amountCents: 99 };
		expect(verifyLedger(entries)).toEqual({
			ok: false,
			entries: 2,
			entry: { seq: 3, id: entries[2]?.id },
			reason: 'hash'
		});
	});

	it.each(['memo', 'party', 'kind', 'recordedAt'] as const)('notices a change of %s', (field) => {
		const entries = chain(3);
		const changed = { memo: 'autre', party: 'Autre', kind: 'award', recordedAt: new Date(0) }[field];
		entries[0] = { ...at(entries, 0), [field]: changed };
		expect(verifyLedger(entries)).toMatchObject({ ok: false, entry: { seq: 1 }, reason: 'hash' });
	});

	it('names the entry after a deleted one: it no longer follows the one before', () => {
		const entries = chain(5);
		entries.splice(1, 1);
		expect(verifyLedger(entries)).toMatchObject({ ok: false, entry: { seq: 3 }, reason: 'link' });
	});

	it('names an entry slipped in between, even with a correct hash of its own', () => {
		const entries = chain(4);
		const intruder = { ...at(entries, 1), seq: 9, id: 'intruder', prevHash: at(entries, 0).hash };
		intruder.hash = entryHash(intruder);
		entries.splice(1, 0, intruder);
		expect(verifyLedger(entries)).toMatchObject({ ok: false, entry: { seq: 2 }, reason: 'link' });
	});

	it('names the next entry when an altered entry had its own hash recomputed', () => {
		const entries = chain(4);
		const forged = { ...at(entries, 1), amountCents: 1 };
		forged.hash = entryHash(forged);
		entries[1] = forged;
		expect(verifyLedger(entries)).toMatchObject({ ok: false, entry: { seq: 3 }, reason: 'link' });
	});

	it('refuses a first entry that does not start from the genesis hash', () => {
		const entries = chain(3).slice(1);
		expect(verifyLedger(entries)).toMatchObject({ ok: false, entry: { seq: 2 }, reason: 'link' });
	});

	it('gives the same verdict fed page by page, and stops reading at the first altered entry', () => {
		const entries = chain(7);
		entries[4] = { ...at(entries, 4), memo: 'changé' };
		const verifier = new LedgerVerifier();
		expect(verifier.add(entries.slice(0, 3))).toBe(true);
		expect(verifier.add(entries.slice(3, 6))).toBe(false);
		expect(verifier.add(entries.slice(6))).toBe(false);
		expect(verifier.verdict()).toEqual(verifyLedger(entries));
		expect(verifier.verdict()).toMatchObject({ entry: { seq: 5 }, reason: 'hash' });
	});
});
