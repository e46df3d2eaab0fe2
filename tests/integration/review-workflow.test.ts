import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	application,
	applicationEvent,
	milestone,
	progressReport,
	userRole
} from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, Refused } from '../../src/lib/server/errors';
import { getApplicationReview } from '../../src/lib/server/institutes/review/application-review';
import {
	assignReviewer,
	declareConflict,
	unassignReviewer
} from '../../src/lib/server/institutes/review/assignments';
import { addMilestone, markMilestoneDone } from '../../src/lib/server/institutes/review/follow-up';
import { listApplicationQueue } from '../../src/lib/server/institutes/review/queue';
import { addReviewNote, saveScores } from '../../src/lib/server/institutes/review/scores-and-notes';
import { reviewStanding } from '../../src/lib/server/institutes/review/standing';
import { backends, type TestDatabase } from './database';
import { applicationIn, institutesContext, programmeWithForm, type TestProgramme } from './institutes';
import { createPerson } from './people';
import { refusal } from './refusal';
import { groupWithMembers, type GroupCast } from './trails';

type Person = Awaited<ReturnType<typeof createPerson>>;

for (const backend of backends()) {
	describe(`assigning, scoring and following up on ${backend.name}`, () => {
		let database: TestDatabase;
		let call: TestProgramme;
		let cast: GroupCast;
		let anne: Person;
		let bob: Person;
		let resident: Person;
		const context = institutesContext();
		beforeAll(async () => {
			database = await backend.fresh();
			cast = await groupWithMembers(database.db, 'Les Voix du Port');
			await database.db.insert(userRole).values({ userId: cast.editor.id, role: 'reviewer' });
			anne = await createPerson(database.db, { roles: ['reviewer'], name: 'Anne' });
			bob = await createPerson(database.db, { roles: ['admin'], name: 'Bob' });
			resident = await createPerson(database.db);
		});
		afterAll(() => database.close());

		const editorActor = () => ({ userId: cast.editor.id, roles: new Set(['resident', 'reviewer'] as const) });
		/** The group's application in a programme of its own (one open application per programme). */
		const groupApplication = async (status: 'submitted' | 'in_review' = 'in_review') => {
			call = await programmeWithForm(database.db, { weights: [3, 1] });
			return applicationIn(database.db, call, status, { userId: cast.owner.id, groupId: cast.id });
		};
		const scores = (first: number, second: number) => ({
			[`score.${call.criteria[0]?.id}`]: String(first),
			[`score.${call.criteria[1]?.id}`]: String(second),
			[`comment.${call.criteria[0]?.id}`]: 'Solide.'
		});

		it('knows who is conflicted: their own, their group’s (any role), or a declared conflict', async () => {
			const subject = await groupApplication();
			const standing = (personId: string) =>
				reviewStanding(database.db, { userId: personId, roles: new Set(['reviewer']) }, subject);
			expect(await standing(cast.owner.id)).toEqual({ conflicted: true, reason: 'own' });
			expect(await standing(cast.member.id)).toEqual({ conflicted: true, reason: 'member' });
			expect(await standing(cast.editor.id)).toEqual({ conflicted: true, reason: 'member' });
			expect(await standing(anne.id)).toEqual({ conflicted: false, reason: null });
			await declareConflict(database.db, context, anne.actor, subject.id, {
				note: 'Ma sœur en fait partie.'
			});
			expect(await standing(anne.id)).toEqual({ conflicted: true, reason: 'declared' });
			expect(
				await refusal(declareConflict(database.db, context, anne.actor, subject.id, { note: 'Encore.' }))
			).toMatchObject({ code: 'already_declared' });
			expect(
				await refusal(saveScores(database.db, context, anne.actor, subject.id, scores(4, 4)))
			).toBeInstanceOf(Forbidden);
			expect(
				await refusal(unassignReviewer(database.db, context, bob.actor, subject.id, { reviewerId: anne.id }))
			).toMatchObject({ code: 'conflict_on_record' });
			const [event] = await database.db
				.select()
				.from(applicationEvent)
				.where(eq(applicationEvent.applicationId, subject.id));
			expect(event).toMatchObject({ kind: 'conflict_declared', visibleToApplicant: false });
		});

		it('assigns reviewers, never a conflicted one nor someone without the role', async () => {
			const subject = await groupApplication('submitted');
			const refused = await refusal(
				assignReviewer(database.db, context, anne.actor, subject.id, { reviewerId: cast.editor.id })
			);
			expect(refused).toBeInstanceOf(Refused);
			expect((refused as Refused).message).toMatch(/^Editor \d+ ne peut pas évaluer/);
			expect(
				await refusal(
					assignReviewer(database.db, context, anne.actor, subject.id, { reviewerId: resident.id })
				)
			).toBeInstanceOf(NotFound);
			expect(
				await refusal(
					assignReviewer(database.db, context, resident.actor, subject.id, { reviewerId: anne.id })
				)
			).toBeInstanceOf(Forbidden);
			expect(
				await refusal(assignReviewer(database.db, context, anne.actor, subject.id, { reviewerId: 'nobody' }))
			).toBeInstanceOf(InvalidInput);
			await assignReviewer(database.db, context, anne.actor, subject.id, { reviewerId: anne.id });
			await assignReviewer(database.db, context, anne.actor, subject.id, { reviewerId: bob.id });
			expect(
				await refusal(assignReviewer(database.db, context, bob.actor, subject.id, { reviewerId: bob.id }))
			).toMatchObject({ code: 'already_assigned' });
			await unassignReviewer(database.db, context, anne.actor, subject.id, { reviewerId: bob.id });
			const review = await getApplicationReview(database.db, anne.actor, subject.id);
			expect(review.assignments.map((entry) => entry.name)).toEqual(['Anne']);
			// All on the tests' stopped clock: the same instant, so compared in any order.
			expect(
				review.events.map((entry) => `${entry.event.kind} ${entry.event.visibleToApplicant}`).sort()
			).toEqual(['reviewer_assigned false', 'reviewer_assigned false', 'reviewer_unassigned false']);
			const mine = await listApplicationQueue(database.db, anne.actor, { mine: '1' });
			expect(mine.applications.map((row) => row.id)).toEqual([subject.id]);
			expect(mine.applications[0]?.reviewers).toEqual(['Anne']);
		});

		it('keeps each reviewer’s scores, averages them in one place, and hides them from the conflicted', async () => {
			const subject = await groupApplication();
			await saveScores(database.db, context, anne.actor, subject.id, scores(1, 1));
			// Saving again replaces the reviewer's scores: (5 × 3 + 1 × 1) / 4 = 4.
			await saveScores(database.db, context, anne.actor, subject.id, scores(5, 1));
			await saveScores(database.db, context, bob.actor, subject.id, scores(2, 2));
			await addReviewNote(database.db, context, bob.actor, subject.id, { text: 'Budget serré.' });
			expect(
				await refusal(saveScores(database.db, context, bob.actor, subject.id, scores(6, 2)))
			).toBeInstanceOf(InvalidInput);
			const { [`score.${call.criteria[1]?.id}`]: _dropped, ...partial } = scores(3, 3);
			void _dropped;
			expect(await refusal(saveScores(database.db, context, bob.actor, subject.id, partial))).toBeInstanceOf(
				InvalidInput
			);
			const review = await getApplicationReview(database.db, anne.actor, subject.id);
			expect(review.judgement?.summary.overall).toBe(3);
			expect(review.judgement?.notes.map((note) => note.text)).toEqual(['Budget serré.']);
			expect(review.transitions).toEqual(['request_changes', 'accept', 'reject']);
			const queued = await listApplicationQueue(database.db, anne.actor, { status: 'in_review' });
			expect(queued.applications.find((row) => row.id === subject.id)?.average).toBe(3);

			const conflicted = await getApplicationReview(database.db, editorActor(), subject.id);
			expect(conflicted.standing).toEqual({ conflicted: true, reason: 'member' });
			expect(conflicted.judgement).toBeNull();
			expect(conflicted.transitions).toEqual([]);
			expect(conflicted.canAssign).toBe(false);
			expect(conflicted.events.every((entry) => entry.event.visibleToApplicant)).toBe(true);
			const theirQueue = await listApplicationQueue(database.db, editorActor(), { status: 'in_review' });
			expect(theirQueue.applications.find((row) => row.id === subject.id)).toMatchObject({
				conflicted: true,
				average: null
			});
			expect(
				await refusal(addReviewNote(database.db, context, editorActor(), subject.id, { text: 'Moi.' }))
			).toBeInstanceOf(Forbidden);
			// Nor does a member choose who reviews their group's application.
			expect(
				await refusal(assignReviewer(database.db, context, editorActor(), subject.id, { reviewerId: bob.id }))
			).toBeInstanceOf(Forbidden);
			// Scores given before a conflict was declared stop counting: only Bob's (2) remain.
			await declareConflict(database.db, context, anne.actor, subject.id, { note: 'Ma sœur y travaille.' });
			const after = await getApplicationReview(database.db, bob.actor, subject.id);
			expect(after.judgement?.summary.overall).toBe(2);
		});

		it('never shows a draft to reviewers, in the queue or by its address', async () => {
			const draft = await applicationIn(database.db, await programmeWithForm(database.db), 'draft', {
				userId: resident.id
			});
			const unsent = await applicationIn(database.db, await programmeWithForm(database.db), 'withdrawn', {
				userId: resident.id
			});
			await database.db.update(application).set({ submittedAt: null }).where(eq(application.id, unsent.id));
			const queue = await listApplicationQueue(database.db, anne.actor, {});
			expect(queue.applications.some((row) => row.id === unsent.id)).toBe(false);
			expect(await refusal(getApplicationReview(database.db, anne.actor, unsent.id))).toBeInstanceOf(
				NotFound
			);
			expect(queue.applications.some((row) => row.status === 'draft')).toBe(false);
			expect(queue.applications.length).toBeGreaterThan(0);
			expect(await refusal(getApplicationReview(database.db, anne.actor, draft.id))).toBeInstanceOf(NotFound);
			expect(await refusal(getApplicationReview(database.db, anne.actor, 'not-an-id'))).toBeInstanceOf(
				NotFound
			);
			expect(await refusal(listApplicationQueue(database.db, resident.actor, {}))).toBeInstanceOf(Forbidden);
			// Nonsense filters are ignored, not an error.
			expect(
				(await listApplicationQueue(database.db, anne.actor, { status: 'draft', programme: '%00' })).filters
			).toEqual({ programme: undefined, status: undefined, mine: undefined });
		});

		it('follows an accepted application up with milestones and reads the applicant’s reports', async () => {
			const open = await groupApplication('submitted');
			expect(
				await refusal(addMilestone(database.db, context, anne.actor, open.id, { title: 'Tournage' }))
			).toMatchObject({ code: 'not_accepted' });
			const accepted = await applicationIn(database.db, call, 'accepted', { userId: resident.id });
			await addMilestone(database.db, context, anne.actor, accepted.id, {
				title: 'Tournage',
				dueOn: '2027-03-01'
			});
			await addMilestone(database.db, context, bob.actor, accepted.id, { title: 'Diffusion' });
			expect(
				await refusal(addMilestone(database.db, context, anne.actor, accepted.id, { title: 'x' }))
			).toBeInstanceOf(InvalidInput);
			const [first] = await database.db.select().from(milestone).where(eq(milestone.position, 1));
			await markMilestoneDone(database.db, context, anne.actor, accepted.id, { milestoneId: first?.id });
			expect(
				await refusal(
					markMilestoneDone(database.db, context, anne.actor, accepted.id, { milestoneId: first?.id })
				)
			).toMatchObject({ code: 'already_done' });
			await database.db
				.insert(progressReport)
				.values({ applicationId: accepted.id, authorId: resident.id, text: 'Le tournage est fini.' });
			const review = await getApplicationReview(database.db, anne.actor, accepted.id);
			expect(review.milestones.map((item) => [item.title, item.dueOn, item.doneAt !== null])).toEqual([
				['Tournage', '2027-03-01', true],
				['Diffusion', null, false]
			]);
			expect(review.reports.map((entry) => entry.report.text)).toEqual(['Le tournage est fini.']);
			expect(review.transitions).toEqual([]);
		});
	});
}
