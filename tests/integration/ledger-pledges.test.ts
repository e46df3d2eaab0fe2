import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMember, ledgerEntry, pledge } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { verifyStoredLedger } from '../../src/lib/server/institutes/ledger/read-ledger';
import { recordContribution } from '../../src/lib/server/institutes/pledges/record-contribution';
import { recordPledge } from '../../src/lib/server/institutes/pledges/record-pledge';
import { pledgesForStaff } from '../../src/lib/server/institutes/pledges/staff-pledges';
import { backends, type TestDatabase } from './database';
import { businessGroup, defined, programmeOf } from './ledger-fixtures';
import { createPerson } from './people';
import { refusal } from './refusal';

const NOW = new Date('2026-11-20T10:00:00Z');

for (const backend of backends()) {
	describe(`pledges and contributions on ${backend.name}`, () => {
		let database: TestDatabase;
		let cast: Record<
			'resident' | 'desk' | 'reviewer' | 'admin' | 'owner',
			Awaited<ReturnType<typeof createPerson>>
		>;
		let programmeSlug: string;
		let supportSlug: string;
		let businessSlug: string;
		let businessId: string;
		beforeAll(async () => {
			database = await backend.fresh();
			const db = database.db;
			cast = {
				resident: await createPerson(db),
				desk: await createPerson(db, { roles: ['desk', 'moderator'] }),
				reviewer: await createPerson(db, { roles: ['reviewer'] }),
				admin: await createPerson(db, { roles: ['admin'] }),
				owner: await createPerson(db)
			};
			programmeSlug = (await programmeOf(db, 'pledge')).programme.slug;
			supportSlug = (await programmeOf(db, 'support')).programme.slug;
			const business = await businessGroup(db, cast.owner.id, 'Penn ar Bed Logiciels Libres');
			businessSlug = business.slug;
			businessId = business.id;
		});
		afterAll(() => database.close());

		const counts = async () => ({
			pledges: (await database.db.select({ n: count() }).from(pledge))[0]?.n,
			entries: (await database.db.select({ n: count() }).from(ledgerEntry))[0]?.n
		});
		const terms = () => ({
			programme: programmeSlug,
			group: businessSlug,
			kind: 'revenue_share',
			share: '2,5',
			commons: 'OpenStreetMap, LibreOffice',
			startsOn: '2026-01-01',
			endsOn: ''
		});

		it('lets only reviewers and admins record a pledge, and reads its terms as typed', async () => {
			expect(await refusal(recordPledge(database.db, null, terms()))).toBeInstanceOf(NotSignedIn);
			for (const someone of [cast.resident, cast.desk])
				expect(await refusal(recordPledge(database.db, someone.actor, terms()))).toBeInstanceOf(Forbidden);
			expect(await counts()).toEqual({ pledges: 0, entries: 0 });

			const id = await recordPledge(database.db, cast.reviewer.actor, terms());
			const [row] = await database.db.select().from(pledge).where(eq(pledge.id, id));
			expect(row).toMatchObject({
				groupId: businessId,
				kind: 'revenue_share',
				shareBasisPoints: 250,
				yearlyCents: null,
				startsOn: '2026-01-01',
				endsOn: null,
				recordedBy: cast.reviewer.id
			});
			const yearly = await recordPledge(database.db, cast.admin.actor, {
				...terms(),
				kind: 'yearly_amount',
				share: '',
				yearlyAmount: '5 000,50',
				endsOn: '2027-12-31'
			});
			const [second] = await database.db.select().from(pledge).where(eq(pledge.id, yearly));
			expect(second).toMatchObject({ yearlyCents: 500_050, shareBasisPoints: null, endsOn: '2027-12-31' });
		});

		it('refuses malformed pledges with a 4xx and writes nothing', async () => {
			const before = await counts();
			const malformed = [
				{ ...terms(), share: '0' },
				{ ...terms(), share: '101' },
				{ ...terms(), kind: 'gift' },
				{ ...terms(), kind: 'yearly_amount', yearlyAmount: 'beaucoup' },
				{ ...terms(), commons: ' ' },
				{ ...terms(), startsOn: '2026-02-30' },
				{ ...terms(), endsOn: '2025-12-31' },
				{ ...terms(), programme: 'NOT A SLUG\u0000' },
				{}
			];
			for (const input of malformed)
				expect(
					await refusal(recordPledge(database.db, cast.admin.actor, input)),
					JSON.stringify(input)
				).toBeInstanceOf(InvalidInput);
			expect(
				await refusal(recordPledge(database.db, cast.admin.actor, { ...terms(), programme: supportSlug }))
			).toMatchObject({
				code: 'not_pledge_programme',
				status: 400
			});
			expect(
				await refusal(recordPledge(database.db, cast.admin.actor, { ...terms(), programme: 'nowhere' }))
			).toBeInstanceOf(NotFound);
			expect(await counts()).toEqual(before);
		});

		it('records contributions as chained ledger entries in the business’s name', async () => {
			const [promise] = await database.db.select().from(pledge).where(eq(pledge.shareBasisPoints, 250));
			const input = {
				pledge: defined(promise).id,
				amount: '1 500,00',
				receivedOn: '2026-03-31',
				memo: 'Premier trimestre'
			};
			expect(await refusal(recordContribution(database.db, null, input, NOW))).toBeInstanceOf(NotSignedIn);
			for (const someone of [cast.resident, cast.desk])
				expect(await refusal(recordContribution(database.db, someone.actor, input, NOW))).toBeInstanceOf(
					Forbidden
				);
			const entry = await recordContribution(database.db, cast.reviewer.actor, input, NOW);
			expect(entry).toMatchObject({
				kind: 'contribution',
				amountCents: 150_000,
				pledgeId: defined(promise).id,
				party: 'Penn ar Bed Logiciels Libres',
				memo: 'Premier trimestre',
				recordedBy: cast.reviewer.id
			});
			expect(entry.recordedAt.toISOString().slice(0, 10)).toBe('2026-03-31');
			await recordContribution(database.db, cast.admin.actor, { ...input, amount: '800', memo: 'T2' }, NOW);
			const page = await pledgesForStaff(database.db, cast.admin.actor);
			expect(page.pledges.find((row) => row.id === defined(promise).id)).toMatchObject({
				totalCents: 230_000,
				contributions: [{ amountCents: 150_000 }, { amountCents: 80_000 }]
			});
			expect(await verifyStoredLedger(database.db)).toMatchObject({ ok: true, entries: 2 });
		});

		it('refuses malformed contributions, and dates in the future, writing nothing', async () => {
			const [promise] = await database.db.select().from(pledge).where(eq(pledge.shareBasisPoints, 250));
			const good = { pledge: defined(promise).id, amount: '10', receivedOn: '2026-11-20', memo: 'Don' };
			const before = await counts();
			for (const input of [
				{ ...good, amount: '0' },
				{ ...good, amount: '-5' },
				{ ...good, amount: '12,345' },
				{ ...good, receivedOn: '2026-11-22' },
				{ ...good, receivedOn: 'hier' },
				{ ...good, memo: '' },
				{ ...good, pledge: 'pas-un-id' }
			])
				expect(
					await refusal(recordContribution(database.db, cast.admin.actor, input, NOW)),
					JSON.stringify(input)
				).toBeInstanceOf(InvalidInput);
			expect(
				await refusal(
					recordContribution(database.db, cast.admin.actor, { ...good, pledge: crypto.randomUUID() }, NOW)
				)
			).toBeInstanceOf(NotFound);
			expect(await refusal(pledgesForStaff(database.db, cast.desk.actor))).toBeInstanceOf(Forbidden);
			expect(await counts()).toEqual(before);
		});

		it('refuses a staff member who belongs to the contributing group (OpenCollective’s rule)', async () => {
			const [promise] = await database.db.select().from(pledge).where(eq(pledge.shareBasisPoints, 250));
			await database.db
				.insert(groupMember)
				.values({ groupId: businessId, userId: cast.reviewer.id, role: 'member' });
			const before = await counts();
			const input = {
				pledge: defined(promise).id,
				amount: '100',
				receivedOn: '2026-06-30',
				memo: 'À soi-même'
			};
			const refused = await refusal(recordContribution(database.db, cast.reviewer.actor, input, NOW));
			expect(refused).toBeInstanceOf(Refused);
			expect(refused).toMatchObject({ code: 'own_group', status: 403 });
			expect(await refusal(recordPledge(database.db, cast.reviewer.actor, terms()))).toMatchObject({
				code: 'own_group'
			});
			expect(await counts()).toEqual(before);
			await recordContribution(database.db, cast.admin.actor, input, NOW);
		});
	});
}
