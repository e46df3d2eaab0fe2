import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledge } from '../../src/lib/server/db/schema';
import { appendLedgerEntry } from '../../src/lib/server/institutes/ledger/append-entry';
import { reverseLedgerEntry } from '../../src/lib/server/institutes/ledger/reverse-entry';
import { storedEntry } from '../../src/lib/server/institutes/ledger/public-entry';
import { verifyLedger } from '../../src/lib/server/institutes/ledger/verify-ledger';
import { registerCsv } from '../../src/lib/server/institutes/register/csv';
import { readRegister, registerPage } from '../../src/lib/server/institutes/register/read-register';
import { backends, type TestDatabase } from './database';
import { applicationIn, businessGroup, defined, programmeOf } from './ledger-fixtures';
import { createPerson } from './people';

const NOW = new Date('2026-11-20T10:00:00Z');

for (const backend of backends()) {
	describe(`the public register on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			const db = database.db;
			const named = await createPerson(db, { name: 'Maïwenn Le Gall' });
			const shy = await createPerson(db, { name: 'Person Who Did Not Consent' });
			const owner = await createPerson(db, { name: 'Owner Hidden' });
			const collective = await businessGroup(db, owner.id, 'Recouvrance Sonore');
			const support = await programmeOf(db, 'support', 'Infrastructure');
			const prize = await programmeOf(db, 'prize', 'Prix des communs');
			for (const status of ['draft', 'submitted', 'in_review', 'rejected', 'withdrawn'] as const)
				await applicationIn(db, support, status, {
					userId: (await createPerson(db, { name: `Hidden person ${status}` })).id,
					title: `Hidden ${status}`,
					publishName: true
				});
			const accepted = await applicationIn(db, support, 'accepted', {
				groupId: collective.id,
				userId: owner.id,
				title: 'Studio mobile',
				awardedCents: 250_000
			});
			await applicationIn(db, prize, 'accepted', {
				userId: named.id,
				title: 'Archives sonores',
				publishName: true,
				awardedCents: 100_000
			});
			await applicationIn(db, prize, 'accepted', {
				userId: shy.id,
				title: '=HYPERLINK("evil")',
				awardedCents: 100_000,
				publishedFields: []
			});
			const bountyOpen = await programmeOf(db, 'bounty', 'Open bounty');
			await applicationIn(db, bountyOpen, 'draft', { userId: named.id });
			await applicationIn(db, bountyOpen, 'withdrawn', { userId: shy.id });
			const bountyClaimed = await programmeOf(db, 'bounty', 'Claimed bounty');
			await applicationIn(db, bountyClaimed, 'changes_requested', { userId: named.id });
			const bountyAwarded = await programmeOf(db, 'bounty', 'Awarded bounty');
			await applicationIn(db, bountyAwarded, 'accepted', { userId: named.id, awardedCents: 50_000 });
			const pledges = await programmeOf(db, 'pledge');
			const [promise] = await db
				.insert(pledge)
				.values({
					programmeId: pledges.programme.id,
					groupId: collective.id,
					kind: 'yearly_amount',
					yearlyCents: 500_000,
					commons: 'OpenStreetMap',
					startsOn: '2026-01-01'
				})
				.returning();
			await db.transaction(async (tx) => {
				await appendLedgerEntry(
					tx,
					{
						kind: 'award',
						amountCents: 250_000,
						programmeId: support.programme.id,
						applicationId: accepted.id,
						pledgeId: null,
						reversesSeq: null,
						party: 'Recouvrance Sonore',
						memo: 'award',
						recordedBy: owner.id
					},
					NOW
				);
				await appendLedgerEntry(
					tx,
					{
						kind: 'contribution',
						amountCents: 120_000,
						programmeId: pledges.programme.id,
						applicationId: null,
						pledgeId: defined(promise).id,
						reversesSeq: null,
						party: 'Recouvrance Sonore',
						memo: '-1+1 T1',
						recordedBy: null
					},
					NOW
				);
			});
		}, 60_000);
		afterAll(() => database.close());

		it('shows accepted applications only, with only the answers the applicant agreed to publish', async () => {
			const register = await readRegister(database.db, NOW);
			expect(register.awards.map((award) => award.title).sort()).toEqual(
				['=HYPERLINK("evil")', 'Archives sonores', 'Studio mobile', 'Dossier accepted'].sort()
			);
			const text = JSON.stringify(register);
			for (const hidden of ['Hidden', 'Secret budget', 'Person Who Did Not Consent', 'Owner Hidden'])
				expect(text).not.toContain(hidden);
			const studio = register.awards.find((award) => award.title === 'Studio mobile');
			expect(studio).toMatchObject({
				applicant: 'Recouvrance Sonore',
				applicantKind: 'group',
				awardedCents: 250_000,
				answers: [{ key: 'summary', label: { fr: 'Résumé', en: 'Summary' }, value: 'Public summary' }]
			});
			expect(register.awards.find((award) => award.title === 'Archives sonores')?.applicant).toBe(
				'Maïwenn Le Gall'
			);
			const shy = register.awards.find((award) => award.title.startsWith('='));
			expect(shy).toMatchObject({ applicant: null, applicantKind: 'person', answers: [] });
		});

		it('separates prizes, and derives each bounty’s state from its applications', async () => {
			const page = await registerPage(database.db);
			expect(page.prizes.map((award) => award.title).sort()).toEqual([
				'=HYPERLINK("evil")',
				'Archives sonores'
			]);
			expect(page.awards.map((award) => award.title).sort()).toEqual(['Dossier accepted', 'Studio mobile']);
			expect(Object.fromEntries(page.bounties.map((bounty) => [bounty.title.fr, bounty.state]))).toEqual({
				'Open bounty': 'open',
				'Claimed bounty': 'claimed',
				'Awarded bounty': 'awarded'
			});
			expect(page.pledges).toMatchObject([
				{ business: 'Recouvrance Sonore', yearlyCents: 500_000, totalCents: 120_000 }
			]);
			expect(page.ledger).toMatchObject({ verified: true, count: 2 });
		});

		it('publishes a ledger anyone can re-verify, and a CSV safe to open in a spreadsheet', async () => {
			const register = await readRegister(database.db, NOW);
			const reread = JSON.parse(JSON.stringify(register)) as typeof register;
			expect(reread.ledger).toMatchObject({ verified: true, altered: null });
			expect(verifyLedger(reread.ledger.entries.map(storedEntry))).toEqual({
				ok: true,
				entries: 2,
				head: reread.ledger.head
			});
			const csv = registerCsv(register);
			const lines = csv.trimEnd().split('\r\n');
			expect(lines[0]).toBe(
				'type,id,seq,date,kind,programme,party,title,amount_cents,reverses_seq,state,terms,commons,memo,prev_hash,hash'
			);
			expect(lines.filter((line) => line.startsWith('ledger,'))).toHaveLength(2);
			expect(lines.filter((line) => line.startsWith('bounty,'))).toHaveLength(3);
			expect(lines.filter((line) => line.startsWith('prize,'))).toHaveLength(2);
			expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
			expect(csv).toContain(",'-1+1 T1,");
			for (const hidden of ['Hidden', 'Secret budget', 'Person Who Did Not Consent'])
				expect(csv).not.toContain(hidden);
		});

		// Last: it changes the ledger the tests above read.
		it('shows what was paid net of a reversal, not the decision’s first figure', async () => {
			const admin = await createPerson(database.db, { roles: ['admin'] });
			const award = (await readRegister(database.db, NOW)).ledger.entries.find(
				(entry) => entry.kind === 'award'
			);
			await reverseLedgerEntry(
				database.db,
				admin.actor,
				{ seq: String(award?.seq), reason: 'Montant erroné' },
				NOW
			);
			const register = await readRegister(database.db, NOW);
			expect(register.awards.find((item) => item.title === 'Studio mobile')?.awardedCents).toBe(0);
			expect(register.awards.find((item) => item.title === 'Archives sonores')?.awardedCents).toBe(100_000);
			expect(register.ledger.verified).toBe(true);
		});
	});
}
