import type { Database } from '../../src/lib/server/db/client';
import type { ApplicationStatus } from '../../src/lib/institutes/transitions';
import {
	assignReviewer,
	declareConflict,
	unassignReviewer
} from '../../src/lib/server/institutes/review/assignments';
import {
	acceptApplication,
	rejectApplication,
	requestApplicationChanges,
	startApplicationReview
} from '../../src/lib/server/institutes/review/decide';
import { addMilestone, markMilestoneDone } from '../../src/lib/server/institutes/review/follow-up';
import { addReviewNote, saveScores } from '../../src/lib/server/institutes/review/scores-and-notes';
import { milestone } from '../../src/lib/server/db/schema';
import { applicationIn, institutesContext, programmeWithForm } from './institutes';
import { createPerson } from './people';

type Person = Awaited<ReturnType<typeof createPerson>>;

/** The reviewers' read-only use cases: nothing to audit. */
export const reviewReads = ['listApplicationQueue', 'getApplicationReview'];

/** Each reviewers' change, made by an admin on an application of its own, for the audit test. */
export function reviewMutations(db: () => Database, admin: () => Person) {
	const context = institutesContext();
	/** A new person's application in its own programme, with a one-criterion rubric. */
	const applicationFor = async (status: ApplicationStatus) => {
		const call = await programmeWithForm(db(), { weights: [1] });
		const applicant = await createPerson(db());
		return { call, subject: await applicationIn(db(), call, status, { userId: applicant.id }) };
	};
	const by = async (change: (actor: Person['actor']) => Promise<unknown>) => {
		await change(admin().actor);
		return { actorId: admin().id };
	};
	return {
		assignReviewer: async () => {
			const { subject } = await applicationFor('submitted');
			return by((actor) => assignReviewer(db(), context, actor, subject.id, { reviewerId: admin().id }));
		},
		unassignReviewer: async () => {
			const { subject } = await applicationFor('submitted');
			await assignReviewer(db(), context, admin().actor, subject.id, { reviewerId: admin().id });
			return by((actor) => unassignReviewer(db(), context, actor, subject.id, { reviewerId: admin().id }));
		},
		declareConflict: async () => {
			const { subject } = await applicationFor('submitted');
			return by((actor) => declareConflict(db(), context, actor, subject.id, { note: 'Un voisin.' }));
		},
		startApplicationReview: async () => {
			const { subject } = await applicationFor('submitted');
			return by((actor) => startApplicationReview(db(), context, actor, subject.id));
		},
		requestApplicationChanges: async () => {
			const { subject } = await applicationFor('in_review');
			return by((actor) =>
				requestApplicationChanges(db(), context, actor, subject.id, { message: 'Un devis.' })
			);
		},
		acceptApplication: async () => {
			const { subject } = await applicationFor('in_review');
			return by((actor) =>
				acceptApplication(db(), context, actor, subject.id, { letter: 'Oui.', amount: '10' })
			);
		},
		rejectApplication: async () => {
			const { subject } = await applicationFor('resubmitted');
			return by((actor) => rejectApplication(db(), context, actor, subject.id, { letter: 'Non.' }));
		},
		saveScores: async () => {
			const { subject, call } = await applicationFor('in_review');
			const scores = { [`score.${call.criteria[0]?.id}`]: '4' };
			return by((actor) => saveScores(db(), context, actor, subject.id, scores));
		},
		addReviewNote: async () => {
			const { subject } = await applicationFor('in_review');
			return by((actor) => addReviewNote(db(), context, actor, subject.id, { text: 'À relire.' }));
		},
		addMilestone: async () => {
			const { subject } = await applicationFor('accepted');
			return by((actor) => addMilestone(db(), context, actor, subject.id, { title: 'Tournage' }));
		},
		markMilestoneDone: async () => {
			const { subject } = await applicationFor('accepted');
			const [added] = await db()
				.insert(milestone)
				.values({ applicationId: subject.id, position: 1, title: 'Diffusion' })
				.returning({ id: milestone.id });
			return by((actor) => markMilestoneDone(db(), context, actor, subject.id, { milestoneId: added?.id }));
		}
	};
}

/** The audit action each reviewers' change leaves. */
export const reviewAuditActions = {
	assignReviewer: 'application.reviewer_assigned',
	unassignReviewer: 'application.reviewer_unassigned',
	declareConflict: 'application.conflict_declared',
	startApplicationReview: 'application.start_review',
	requestApplicationChanges: 'application.request_changes',
	acceptApplication: 'application.accept',
	rejectApplication: 'application.reject',
	saveScores: 'application.score',
	addReviewNote: 'application.note',
	addMilestone: 'application.milestone_add',
	markMilestoneDone: 'application.milestone_done'
};
