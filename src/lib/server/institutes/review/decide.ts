import { m } from '$lib/paraglide/messages';
import { nextStatus, type Transition } from '../../../institutes/transitions';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { Refused } from '../../errors';
import { parseInput } from '../../forms';
import { moveApplication } from '../applications/move-application';
import type { InstitutesContext } from '../context';
import { mailApplicant } from './applicant-mail';
import { checkAward, recordAward } from './award';
import { acceptSchema, changesSchema, rejectSchema } from './review-schemas';
import { judgedApplication } from './reviewed-application';

function assertAllowed(transition: Transition, status: Parameters<typeof nextStatus>[1]) {
	if (!nextStatus(transition, status))
		throw new Refused('transition_not_allowed', m.application_transition_refused());
}

/** A reviewer takes a submitted application up: the applicant sees it is being read. */
export async function startApplicationReview(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string
) {
	authorize(actor, 'applications.review');
	await db.transaction(async (tx) => {
		const found = await judgedApplication(tx, actor, id);
		await moveApplication(tx, {
			application: found,
			transition: 'start_review',
			actorId: actor.userId,
			now: context.now()
		});
	});
}

/** Sends the application back with what to change; the applicant is told by mail and edits it. */
export async function requestApplicationChanges(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	const { message } = parseInput(changesSchema, input);
	await db.transaction(async (tx) => {
		const found = await judgedApplication(tx, actor, id);
		await moveApplication(tx, {
			application: found,
			transition: 'request_changes',
			actorId: actor.userId,
			now: context.now(),
			message
		});
		await mailApplicant(tx, context, found, { kind: 'changes_requested', message });
	});
	context.mailer.nudge();
}

/**
 * Accepts with a letter and, within the programme's maximum and remaining budget, an amount; a
 * positive amount is an award in the public ledger, written in the same transaction.
 */
export async function acceptApplication(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	const { letter, amount } = parseInput(acceptSchema, input);
	await db.transaction(async (tx) => {
		const found = await judgedApplication(tx, actor, id);
		assertAllowed('accept', found.status);
		const call = await checkAward(tx, found.programmeId, amount);
		const now = context.now();
		await moveApplication(tx, {
			application: found,
			transition: 'accept',
			actorId: actor.userId,
			now,
			message: letter,
			set: { decidedAt: now, decidedBy: actor.userId, decisionLetter: letter, awardedCents: amount }
		});
		if (amount !== null && amount > 0) await recordAward(tx, found, call, amount, actor.userId, now);
		await mailApplicant(tx, context, found, { kind: 'accepted', letter, amountCents: amount });
	});
	context.mailer.nudge();
}

/** Declines with a letter saying why. */
export async function rejectApplication(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.review');
	const { letter } = parseInput(rejectSchema, input);
	await db.transaction(async (tx) => {
		const found = await judgedApplication(tx, actor, id);
		const now = context.now();
		await moveApplication(tx, {
			application: found,
			transition: 'reject',
			actorId: actor.userId,
			now,
			message: letter,
			set: { decidedAt: now, decidedBy: actor.userId, decisionLetter: letter }
		});
		await mailApplicant(tx, context, found, { kind: 'rejected', letter });
	});
	context.mailer.nudge();
}
