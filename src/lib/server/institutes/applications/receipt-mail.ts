import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { pickLocalized, type LocalizedText } from '../../../i18n/localized-text';
import { user } from '../../auth/auth.table';
import { config } from '../../config';
import type { Database } from '../../db/client';
import { queueMail } from '../../mail/outbox';
import type { InstitutesContext } from '../context';

export type ApplicantMove = 'submit' | 'resubmit' | 'withdraw';

const subjects = {
	submit: m.application_mail_submitted_subject,
	resubmit: m.application_mail_resubmitted_subject,
	withdraw: m.application_mail_withdrawn_subject
};
const intros = {
	submit: m.application_mail_submitted_text,
	resubmit: m.application_mail_resubmitted_text,
	withdraw: m.application_mail_withdrawn_text
};

type Receipt = {
	move: ApplicantMove;
	recipientId: string;
	applicationId: string;
	title: string;
	programme: LocalizedText;
	expectedDecisionAt: Date | null;
};

/** One message per move, to the person it concerns, in their language; queued in the caller's transaction. */
export async function mailReceipt(db: Database, context: InstitutesContext, receipt: Receipt) {
	const [person] = await db
		.select({ email: user.email, locale: user.locale, wanted: user.notifyApplications })
		.from(user)
		.where(eq(user.id, receipt.recipientId));
	// The status page keeps every step; mail is for those who asked for it, as with decisions.
	if (!person?.wanted) return;
	const locale = person.locale ?? 'fr';
	const options = { locale };
	const programme = pickLocalized(receipt.programme, locale);
	const when = receipt.expectedDecisionAt
		? `\n\n${m.application_mail_expected_decision(
				{
					date: new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
						dateStyle: 'long',
						timeZone: config().timeZone
					}).format(receipt.expectedDecisionAt)
				},
				options
			)}`
		: '';
	await queueMail(db, context.mailer.mode, {
		to: person.email,
		recipientUserId: receipt.recipientId,
		subject: subjects[receipt.move]({ programme }, options),
		text: `${intros[receipt.move]({ title: receipt.title, programme }, options)}${receipt.move === 'withdraw' ? '' : when}\n\n${context.origin}/my/applications/${receipt.applicationId}`,
		kind: `application_${receipt.move}`
	});
}
