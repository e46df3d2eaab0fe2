import { and, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { user } from '../auth/auth.table';
import type { Database } from '../db/client';
import { groupMember } from '../groups/groups.table';
import type { CommunityContext } from '../groups/context';
import { queueMail } from '../mail/outbox';

export type ModerationOutcome = 'published' | 'changes_requested' | 'unpublished';

type Subject = {
	kind: 'trail' | 'project';
	title: string;
	url: string;
	groupId: string;
	comment: string | null;
};

const subjects = {
	published: m.mail_moderation_published_subject,
	changes_requested: m.mail_moderation_changes_subject,
	unpublished: m.mail_moderation_unpublished_subject
};
const intros = {
	published: m.mail_moderation_published_text,
	changes_requested: m.mail_moderation_changes_text,
	unpublished: m.mail_moderation_unpublished_text
};

/** Tells the group's owner and editors, each in their language, what the moderators decided. */
export async function mailModerationOutcome(
	db: Database,
	context: CommunityContext,
	outcome: ModerationOutcome,
	subject: Subject
) {
	const people = await db
		.select({ id: user.id, email: user.email, locale: user.locale })
		.from(groupMember)
		.innerJoin(user, eq(user.id, groupMember.userId))
		.where(and(eq(groupMember.groupId, subject.groupId), inArray(groupMember.role, ['owner', 'editor'])));
	for (const person of people) {
		const options = { locale: person.locale };
		const comment = subject.comment
			? `\n\n${m.mail_moderation_comment({}, options)}\n${subject.comment}`
			: '';
		await queueMail(db, context.mailer.mode, {
			to: person.email,
			recipientUserId: person.id,
			subject: subjects[outcome]({ title: subject.title }, options),
			text: `${intros[outcome]({ title: subject.title }, options)}${comment}\n\n${subject.url}`,
			kind: `moderation_${outcome}`
		});
	}
}
