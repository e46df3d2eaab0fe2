import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvent, mailOutbox, reviewerDigest } from '../../src/lib/server/db/schema';
import { assignReviewer } from '../../src/lib/server/institutes/review/assignments';
import { startApplicationReview } from '../../src/lib/server/institutes/review/decide';
import { sendReviewerDigests } from '../../src/lib/server/institutes/review/digest';
import { backends, type TestDatabase } from './database';
import { applicationIn, institutesContext, NOW, programmeWithForm } from './institutes';
import { createPerson } from './people';

const HOUR = 3_600_000;

for (const backend of backends()) {
	describe(`the reviewers' daily digest on ${backend.name}`, () => {
		let database: TestDatabase;
		let clock = NOW;
		const context = institutesContext({ now: () => clock });
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		const digestsTo = async (email: string) =>
			database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));

		it('sends each reviewer one message of what is new for them, then nothing until something happens', async () => {
			const db = database.db;
			const anne = await createPerson(db, {
				roles: ['reviewer'],
				locale: 'en',
				email: 'anne@reviewers.test'
			});
			const bob = await createPerson(db, { roles: ['reviewer'], email: 'bob@reviewers.test' });
			// Admins assign reviewers: they hear of new submissions too.
			const admin = await createPerson(db, { roles: ['admin'], email: 'admin@reviewers.test' });
			const call = await programmeWithForm(db);
			const applicant = await createPerson(db);
			const assigned = await applicationIn(
				db,
				call,
				'submitted',
				{ userId: applicant.id },
				{ title: 'Radio du port' }
			);

			// The first run starts everyone's record; nothing happened in the day before.
			expect(await sendReviewerDigests(db, context)).toBe(0);

			clock = new Date(NOW.getTime() + HOUR);
			await assignReviewer(db, context, anne.actor, assigned.id, { reviewerId: anne.id });
			await startApplicationReview(db, context, bob.actor, assigned.id);
			const other = await createPerson(db);
			const fresh = await applicationIn(
				db,
				call,
				'submitted',
				{ userId: other.id },
				{ title: 'Jardin partagé' }
			);
			await db.insert(applicationEvent).values({
				applicationId: fresh.id,
				at: new Date(NOW.getTime() + 2 * HOUR),
				actorId: other.id,
				kind: 'submit',
				fromStatus: 'draft',
				toStatus: 'submitted'
			});

			clock = new Date(NOW.getTime() + 24 * HOUR);
			expect(await sendReviewerDigests(db, context)).toBe(3);
			const [toAnne, ...moreToAnne] = await digestsTo(anne.email);
			expect(moreToAnne).toEqual([]);
			expect(toAnne?.subject).toBe('Applications: 2 new item(s) since your last digest');
			// Her own assignment is not news to her; Bob's start of the review is, and so is the new
			// submission nobody reads yet.
			expect(toAnne?.text).toBe(
				[
					'On the applications assigned to you:',
					`- Programme ${call.slug.split('-')[1]} · Radio du port: Review started`,
					'',
					'New applications not yet assigned to anyone:',
					`- Programme ${call.slug.split('-')[1]} · Jardin partagé: Submitted`,
					'',
					'http://portal.test/admin/applications'
				].join('\n')
			);
			const [toBob] = await digestsTo(bob.email);
			expect(toBob?.text).toContain('Nouvelles candidatures confiées à personne :\n- ');
			expect(toBob?.text).not.toContain('Radio du port');
			const [row] = await db.select().from(reviewerDigest).where(eq(reviewerDigest.reviewerId, anne.id));
			expect(row?.sentThrough).toEqual(clock);

			// The next day, nothing new: nothing is sent.
			clock = new Date(NOW.getTime() + 48 * HOUR);
			expect(await sendReviewerDigests(db, context)).toBe(0);
			expect(await digestsTo(anne.email)).toHaveLength(1);
			expect(await digestsTo(admin.email)).toHaveLength(1);
		});
	});
}
