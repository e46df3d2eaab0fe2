import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { pickLocalized } from '../../../i18n/localized-text';
import { nextStatus } from '../../../institutes/transitions';
import type { Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { InvalidInput, Refused } from '../../errors';
import type { InstitutesContext } from '../context';
import { applicationFor, isOpen, type ApplicationAccess } from './access';
import { isAnswered } from './answers';
import { moveApplication } from './move-application';
import { mailReceipt, type ApplicantMove } from './receipt-mail';

const DAY = 86_400_000;

/** Everything a complete application has: a title and each required answer, each named if missing. */
function checkComplete(found: ApplicationAccess, locale: Locale) {
	const issues = found.form.fields
		.filter((field) => field.required && !isAnswered(found.application.answers[field.key]))
		.map((field) => ({
			path: `answer.${field.key}`,
			message: m.application_answer_missing({ label: pickLocalized(field.label, locale) })
		}));
	if (found.application.title.trim() === '')
		issues.unshift({ path: 'title', message: m.application_title_missing() });
	if (issues.length > 0) throw new InvalidInput(issues);
}

/**
 * The applicant's own moves: submit a draft before the deadline (the server's clock decides),
 * resubmit after a request for changes (corrections are welcome after the closing date), or
 * withdraw at any time before a decision. Each is one transaction and sends one receipt.
 */
export async function moveAsApplicant(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	move: ApplicantMove,
	locale: Locale
) {
	await db.transaction(async (tx) => {
		const found = await applicationFor(tx, actor, id, true);
		const current = found.application;
		if (!nextStatus(move, current.status))
			throw new Refused('transition_not_allowed', m.application_transition_refused());
		const now = context.now();
		if (move !== 'withdraw') checkComplete(found, locale);
		if (move === 'submit' && !isOpen(found.programme, now))
			throw new Refused('deadline_passed', m.application_deadline_passed());
		const days = found.programme.decisionDays;
		const expectedDecisionAt = days ? new Date(now.getTime() + days * DAY) : null;
		const set =
			move === 'withdraw'
				? { withdrawnAt: now }
				: move === 'submit'
					? { submittedAt: now, expectedDecisionAt }
					: { expectedDecisionAt };
		await moveApplication(tx, {
			application: current,
			transition: move,
			actorId: actor?.userId ?? '',
			now,
			set
		});
		await mailReceipt(tx, context, {
			move,
			recipientId: current.userId ?? actor?.userId ?? '',
			applicationId: id,
			title: current.title,
			programme: found.programme.title,
			expectedDecisionAt: move === 'withdraw' ? null : expectedDecisionAt
		});
	});
	context.mailer.nudge();
}
