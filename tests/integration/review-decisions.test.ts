import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { application, applicationEvent, ledgerEntry } from '../../src/lib/server/db/schema';
import { InvalidInput } from '../../src/lib/server/errors';
import { GENESIS_HASH } from '../../src/lib/server/institutes/ledger/entry-hash';
import { acceptApplication, requestApplicationChanges } from '../../src/lib/server/institutes/review/decide';
import { backends, type TestDatabase } from './database';
import { applicationIn, institutesContext, programmeWithForm } from './institutes';
import { createPerson } from './people';
import { refusal } from './refusal';
import { groupWithMembers, mailsDuring } from './trails';

type Person = Awaited<ReturnType<typeof createPerson>>;

for (const backend of backends()) {
	describe(`decisions and awards on ${backend.name}`, () => {
		let database: TestDatabase;
		let reviewer: Person;
		const context = institutesContext();
		beforeAll(async () => {
			database = await backend.fresh();
			reviewer = await createPerson(database.db, { roles: ['reviewer'], locale: 'en' });
		});
		afterAll(() => database.close());

		const ledger = () => database.db.select().from(ledgerEntry).orderBy(asc(ledgerEntry.seq));
		const rowOf = async (id: string) =>
			(await database.db.select().from(application).where(eq(application.id, id)))[0];
		const inReview = async (call: Awaited<ReturnType<typeof programmeWithForm>>, publishName = false) => {
			const person = await createPerson(database.db, { name: 'Anne Kervella' });
			return applicationIn(database.db, call, 'in_review', { userId: person.id }, { publishName });
		};

		it('refuses an amount over the maximum or over what is left of the budget, changing nothing', async () => {
			const call = await programmeWithForm(database.db, { budgetCents: 150_000, maxAmountCents: 100_000 });
			const first = await inReview(call);
			await acceptApplication(database.db, context, reviewer.actor, first.id, {
				letter: 'Oui.',
				amount: '1 000'
			});
			const second = await inReview(call);
			const entries = (await ledger()).length;
			const [events] = await database.db.select({ n: count() }).from(applicationEvent);
			for (const [amount, message] of [
				['1000,01', /maximum/],
				['600', /left|reste/],
				['', /budget/],
				['-5', /euros/],
				['douze', /euros/]
			] as const) {
				const problem = await refusal(
					acceptApplication(database.db, context, reviewer.actor, second.id, { letter: 'Oui.', amount })
				);
				expect(problem, amount).toBeInstanceOf(InvalidInput);
				expect((problem as InvalidInput).issues[0]).toMatchObject({ path: 'amount', message });
			}
			expect((await rowOf(second.id))?.status).toBe('in_review');
			expect((await rowOf(second.id))?.awardedCents).toBeNull();
			expect((await ledger()).length).toBe(entries);
			expect((await database.db.select({ n: count() }).from(applicationEvent))[0]).toEqual(events);
			// What is left is exactly 500 €: that much still goes through.
			await acceptApplication(database.db, context, reviewer.actor, second.id, {
				letter: 'Oui.',
				amount: '500'
			});
			expect((await rowOf(second.id))?.awardedCents).toBe(50_000);
		});

		it('writes exactly one award entry per accepted amount, chained to the one before', async () => {
			const call = await programmeWithForm(database.db, { budgetCents: 1_000_000 });
			const cast = await groupWithMembers(database.db, 'Radio Recouvrance');
			const byGroup = await applicationIn(database.db, call, 'resubmitted', {
				userId: cast.owner.id,
				groupId: cast.id
			});
			const named = await inReview(call, true);
			const anonymous = await inReview(call, false);
			const nothing = await inReview(call);
			const before = await ledger();
			await acceptApplication(database.db, context, reviewer.actor, byGroup.id, {
				letter: 'Oui.',
				amount: '2500'
			});
			await acceptApplication(database.db, context, reviewer.actor, named.id, {
				letter: 'Oui.',
				amount: '10'
			});
			await acceptApplication(database.db, context, reviewer.actor, anonymous.id, {
				letter: 'Oui.',
				amount: '10,50'
			});
			await acceptApplication(database.db, context, reviewer.actor, nothing.id, {
				letter: 'Oui.',
				amount: '0'
			});
			const added = (await ledger()).slice(before.length);
			expect(added.map((entry) => [entry.kind, entry.amountCents, entry.party, entry.applicationId])).toEqual(
				[
					['award', 250_000, 'Radio Recouvrance', byGroup.id],
					['award', 1_000, 'Une personne', named.id],
					['award', 1_050, 'Une personne', anonymous.id]
				]
			);
			expect(added[0]?.prevHash).toBe(before.at(-1)?.hash ?? GENESIS_HASH);
			expect(added[1]?.prevHash).toBe(added[0]?.hash);
			expect(added[2]?.prevHash).toBe(added[1]?.hash);
			expect(added[0]?.memo).toBe(`${call.slug} ${byGroup.id}`);
			expect(added[0]?.recordedBy).toBe(reviewer.id);
			const decided = await rowOf(nothing.id);
			expect(decided).toMatchObject({ status: 'accepted', awardedCents: 0, decisionLetter: 'Oui.' });
			expect(decided?.decidedBy).toBe(reviewer.id);
		});

		it('mails the applicant once per event, each in their language', async () => {
			const call = await programmeWithForm(database.db);
			const cast = await groupWithMembers(database.db);
			const subject = await applicationIn(database.db, call, 'in_review', {
				userId: cast.member.id,
				groupId: cast.id
			});
			const asked = await mailsDuring(database.db, () =>
				requestApplicationChanges(database.db, context, reviewer.actor, subject.id, {
					message: 'Ajoutez un devis.'
				})
			);
			// The member who started it, the owner (English) and the editor (French); nobody twice.
			expect(asked.map((mail) => mail.recipient).sort()).toEqual(
				[cast.member.email, cast.owner.email, cast.editor.email].sort()
			);
			const toOwner = asked.find((mail) => mail.recipient === cast.owner.email);
			expect(toOwner?.subject).toBe(
				'Your application to “Programme ' + call.slug.split('-')[1] + '”: changes requested'
			);
			expect(toOwner?.text).toContain('Ajoutez un devis.');
			expect(toOwner?.text).toContain(`http://portal.test/my/applications/${subject.id}`);
			expect(asked.find((mail) => mail.recipient === cast.editor.email)?.subject).toMatch(
				/modifications sont demandées/
			);
			await database.db
				.update(application)
				.set({ status: 'resubmitted' })
				.where(eq(application.id, subject.id));
			const decided = await mailsDuring(database.db, () =>
				acceptApplication(database.db, context, reviewer.actor, subject.id, {
					letter: 'Bienvenue.',
					amount: ''
				})
			);
			expect(decided).toHaveLength(3);
			expect(decided.every((mail) => mail.kind === 'application_accepted')).toBe(true);
		});

		// Concurrency needs real connections: PGlite runs one statement at a time.
		if (backend.name === 'postgres')
			it('lets only one of two simultaneous acceptances have the last of the budget', async () => {
				const call = await programmeWithForm(database.db, { budgetCents: 100_000 });
				const racers = [await inReview(call), await inReview(call)];
				const results = await Promise.allSettled(
					racers.map((racer) =>
						acceptApplication(database.db, context, reviewer.actor, racer.id, {
							letter: 'Oui.',
							amount: '1000'
						})
					)
				);
				expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
				const lost = results.find((result) => result.status === 'rejected');
				expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(InvalidInput);
				const statuses = await Promise.all(racers.map(async (racer) => (await rowOf(racer.id))?.status));
				expect(statuses.sort()).toEqual(['accepted', 'in_review']);
				const awards = (await ledger()).filter((entry) => entry.programmeId === call.id);
				expect(awards).toHaveLength(1);
			});
	});
}
