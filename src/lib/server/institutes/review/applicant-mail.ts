import { formatCents } from '../../../institutes/money';
import { and, eq, inArray, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { pickLocalized } from '../../../i18n/localized-text';
import { user } from '../../auth/auth.table';
import type { Database } from '../../db/client';
import { groupMember } from '../../groups/groups.table';
import { queueMail } from '../../mail/outbox';
import type { InstitutesContext } from '../context';
import { programme } from '../institutes.table';
import type { ReviewedApplication } from './reviewed-application';

export type ApplicantNews =
	| { kind: 'changes_requested'; message: string }
	| { kind: 'accepted'; letter: string; amountCents: number | null }
	| { kind: 'rejected'; letter: string };

const subjects = {
	changes_requested: m.review_mail_changes_subject,
	accepted: m.review_mail_accepted_subject,
	rejected: m.review_mail_rejected_subject
};
const intros = {
	changes_requested: m.review_mail_changes_text,
	accepted: m.review_mail_accepted_text,
	rejected: m.review_mail_rejected_text
};

/** Who hears about an application: the person who started it and, for a group, its owner and editors. */
async function applicantPeople(db: Database, subject: ReviewedApplication) {
	const groupEditors = subject.groupId
		? db
				.select({ id: groupMember.userId })
				.from(groupMember)
				.where(and(eq(groupMember.groupId, subject.groupId), inArray(groupMember.role, ['owner', 'editor'])))
		: null;
	const conditions = [
		subject.userId ? eq(user.id, subject.userId) : undefined,
		groupEditors ? inArray(user.id, groupEditors) : undefined
	].filter((condition) => condition !== undefined);
	if (conditions.length === 0) return [];
	return db
		.select({ id: user.id, email: user.email, locale: user.locale })
		.from(user)
		.where(and(or(...conditions), eq(user.notifyApplications, true)));
}

/** One message per person and event, in their language, in the caller's transaction. */
export async function mailApplicant(
	db: Database,
	context: InstitutesContext,
	subject: ReviewedApplication,
	news: ApplicantNews
) {
	const [call] = await db
		.select({ title: programme.title })
		.from(programme)
		.where(eq(programme.id, subject.programmeId));
	const url = `${context.origin}/my/applications/${subject.id}`;
	for (const person of await applicantPeople(db, subject)) {
		const options = { locale: person.locale };
		const title = call ? pickLocalized(call.title, person.locale) : '';
		const body = news.kind === 'changes_requested' ? news.message : news.letter;
		const amount =
			news.kind === 'accepted' && news.amountCents
				? `\n\n${m.review_mail_amount({ amount: formatCents(news.amountCents, person.locale) }, options)}`
				: '';
		await queueMail(db, context.mailer.mode, {
			to: person.email,
			recipientUserId: person.id,
			subject: subjects[news.kind]({ programme: title }, options),
			text: `${intros[news.kind]({ programme: title }, options)}\n\n${body}${amount}\n\n${url}`,
			kind: `application_${news.kind}`
		});
	}
}
