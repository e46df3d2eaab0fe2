import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStateOf } from '../../src/lib/server/db/errors';
import { ledgerEntry, pledge } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { appendLedgerEntry } from '../../src/lib/server/institutes/ledger/append-entry';
import { entryHash } from '../../src/lib/server/institutes/ledger/entry-hash';
import { ledgerPages, verifyStoredLedger } from '../../src/lib/server/institutes/ledger/read-ledger';
import { reverseLedgerEntry } from '../../src/lib/server/institutes/ledger/reverse-entry';
import { backends, type TestDatabase } from './database';
import { businessGroup, defined, programmeOf } from './ledger-fixtures';
import { createPerson } from './people';
import { refusal } from './refusal';

const run = promisify(execFile);
const NOW = new Date('2026-11-20T10:00:00Z');

/** `npm run ledger:verify` as an operator runs it, against the given database. */
async function ledgerVerify(url: string) {
	try {
		const { stdout, stderr } = await run('npx', ['tsx', 'scripts/ledger-verify.ts'], {
			env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }
		});
		return { code: 0, output: stdout + stderr };
	} catch (problem) {
		const failed = problem as { code: number; stdout: string; stderr: string };
		return { code: failed.code, output: failed.stdout + failed.stderr };
	}
}

for (const backend of backends()) {
	describe(`the ledger on ${backend.name}`, () => {
		let database: TestDatabase;
		let pledgeId: string;
		let programmeId: string;
		beforeAll(async () => {
			database = await backend.fresh();
			const owner = await createPerson(database.db);
			const business = await businessGroup(database.db, owner.id, 'Penn ar Bed Logiciels Libres');
			const call = await programmeOf(database.db, 'pledge');
			programmeId = call.programme.id;
			const [made] = await database.db
				.insert(pledge)
				.values({
					programmeId,
					groupId: business.id,
					kind: 'revenue_share',
					shareBasisPoints: 250,
					commons: 'OpenStreetMap',
					startsOn: '2026-01-01'
				})
				.returning();
			pledgeId = defined(made).id;
		}, 60_000);
		afterAll(() => database.close());

		const contribute = (amountCents: number, memo = 'Versement') =>
			database.db.transaction((tx) =>
				appendLedgerEntry(
					tx,
					{
						kind: 'contribution',
						amountCents,
						programmeId,
						applicationId: null,
						pledgeId,
						reversesSeq: null,
						party: 'Penn ar Bed Logiciels Libres',
						memo,
						recordedBy: null
					},
					NOW
				)
			);

		it('chains each entry to the one before, and verifies page by page', async () => {
			const written = [];
			for (const cents of [150_000, 80_000, 42_050, 10_000, 5]) written.push(await contribute(cents));
			expect(written[0]?.prevHash).toBe('0'.repeat(64));
			for (let index = 1; index < written.length; index += 1)
				expect(written[index]?.prevHash).toBe(written[index - 1]?.hash);
			expect(written.every((entry) => entry.hash === entryHash(entry))).toBe(true);
			const pages = [];
			for await (const page of ledgerPages(database.db, 2)) pages.push(page.map((entry) => entry.seq));
			expect(pages).toEqual(
				[written.slice(0, 2), written.slice(2, 4), written.slice(4)].map((p) => p.map((e) => e.seq))
			);
			expect(await verifyStoredLedger(database.db, 2)).toEqual({
				ok: true,
				entries: 5,
				head: written[4]?.hash
			});
		});

		it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
			const tries = [
				sql`update ledger_entry set amount_cents = 1 where seq = 1`,
				sql`delete from ledger_entry where seq = 5`,
				sql`truncate ledger_entry cascade`
			];
			for (const statement of tries) {
				const problem = await refusal(database.db.execute(statement));
				expect(sqlStateOf(problem), String(problem)).toBe('23000');
			}
			expect((await verifyStoredLedger(database.db)).entries).toBe(5);
		});

		it('never forks: an entry that does not follow the head is refused, even a copy of a real one', async () => {
			const [first] = await database.db.select().from(ledgerEntry).where(eq(ledgerEntry.seq, 1));
			const fork = { ...defined(first), id: crypto.randomUUID(), amountCents: 999, memo: 'fourche' };
			const forged = { ...fork, hash: entryHash(fork) };
			const { seq: _seq, ...values } = forged;
			expect(sqlStateOf(await refusal(database.db.insert(ledgerEntry).values(values)))).toBe('23000');
			// Concurrent appends take turns: the chain stays one line.
			await Promise.all([contribute(100, 'a'), contribute(200, 'b'), contribute(300, 'c')]);
			expect(await verifyStoredLedger(database.db)).toMatchObject({ ok: true, entries: 8 });
		});

		it('corrects an entry with a reversing entry, once only, and never a reversal', async () => {
			const admin = await createPerson(database.db, { roles: ['admin'] });
			const reviewer = await createPerson(database.db, { roles: ['reviewer'] });
			const desk = await createPerson(database.db, { roles: ['desk'] });
			const resident = await createPerson(database.db);
			const input = { seq: '2', reason: 'Saisi deux fois par erreur' };
			expect(await refusal(reverseLedgerEntry(database.db, null, input, NOW))).toBeInstanceOf(NotSignedIn);
			for (const someone of [resident, desk])
				expect(await refusal(reverseLedgerEntry(database.db, someone.actor, input, NOW))).toBeInstanceOf(
					Forbidden
				);
			for (const malformed of [{ seq: 'deux', reason: 'Une raison' }, { seq: '2', reason: 'non' }, {}])
				expect(await refusal(reverseLedgerEntry(database.db, admin.actor, malformed, NOW))).toBeInstanceOf(
					InvalidInput
				);
			expect(
				await refusal(reverseLedgerEntry(database.db, admin.actor, { ...input, seq: '999' }, NOW))
			).toBeInstanceOf(NotFound);
			expect((await verifyStoredLedger(database.db)).entries).toBe(8);

			const reversal = await reverseLedgerEntry(database.db, reviewer.actor, input, NOW);
			expect(reversal).toMatchObject({
				kind: 'reversal',
				amountCents: -80_000,
				reversesSeq: 2,
				pledgeId,
				party: 'Penn ar Bed Logiciels Libres',
				memo: 'Saisi deux fois par erreur',
				recordedBy: reviewer.id
			});
			const again = await refusal(reverseLedgerEntry(database.db, admin.actor, input, NOW));
			expect(again).toBeInstanceOf(Refused);
			expect(again).toMatchObject({ code: 'already_reversed' });
			const ofReversal = { seq: String(reversal.seq), reason: 'Annuler l’annulation' };
			expect(await refusal(reverseLedgerEntry(database.db, admin.actor, ofReversal, NOW))).toMatchObject({
				code: 'reversal_not_reversible'
			});
			// Even a second reversal written straight to the table is refused by the unique index.
			const twin = await refusal(
				database.db.transaction((tx) =>
					appendLedgerEntry(
						tx,
						{
							kind: 'reversal',
							amountCents: -80_000,
							programmeId,
							applicationId: null,
							pledgeId,
							reversesSeq: 2,
							party: reversal.party,
							memo: 'Encore',
							recordedBy: admin.id
						},
						NOW
					)
				)
			);
			expect(sqlStateOf(twin)).toBe('23505');
			expect(await verifyStoredLedger(database.db)).toMatchObject({ ok: true, entries: 9 });
		});

		it('makes `npm run ledger:verify` name the entry whose amount was altered with SQL', async (context) => {
			if (!database.url) {
				// PGlite lives in this process only: the script is run against Postgres; here the
				// function it calls reads the database after the same alteration, triggers off.
				const [third] = await database.db.select().from(ledgerEntry).where(eq(ledgerEntry.seq, 3));
				expect(await verifyStoredLedger(database.db, 2)).toMatchObject({ ok: true, entries: 9 });
				await database.db.transaction(async (tx) => {
					await tx.execute(sql`set local session_replication_role = replica`);
					await tx.execute(sql`update ledger_entry set amount_cents = amount_cents + 100000 where seq = 3`);
				});
				expect(await verifyStoredLedger(database.db, 2)).toEqual({
					ok: false,
					entries: 2,
					entry: { seq: 3, id: defined(third).id },
					reason: 'hash'
				});
				context.annotate('the script itself runs against Postgres (TEST_DATABASE_URL)');
				return;
			}
			const before = await ledgerVerify(database.url);
			expect(before.output).toMatch(/^Ledger verified: 9 entries, head [0-9a-f]{64}$/m);
			expect(before.code).toBe(0);
			const [third] = await database.db.select().from(ledgerEntry).where(eq(ledgerEntry.seq, 3));
			// What a superuser could do behind the portal's back: switch the triggers off, edit.
			const superuser = postgres(database.url, { max: 1, onnotice: () => {} });
			await superuser.begin(async (tx) => {
				await tx.unsafe('set local session_replication_role = replica');
				await tx.unsafe('update ledger_entry set amount_cents = amount_cents + 100000 where seq = 3');
			});
			await superuser.end();
			const after = await ledgerVerify(database.url);
			expect(after.code).toBe(1);
			expect(after.output).toContain(`Ledger entry #3 (${defined(third).id}) was altered:`);
		}, 60_000);
	});
}
