import { eq, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { user } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import { limitKeys } from '../auth/limits';
import { forgetBuckets } from '../auth/rate-limit';
import { keepOneAdmin } from '../auth/roles';
import type { Database } from '../db/client';
import { InvalidInput, NotFound } from '../errors';
import { parseInput } from '../forms';
import { assertOwnsNoGroup } from '../groups/account-groups';
import { releaseBookingsOf } from '../lending/personal-data';
import { mailOutbox } from '../mail/outbox.table';
import { forgetApplicationsOf } from '../institutes/applications/forget-applicant';
import type { MediaStorage } from '../media/storage';
import { deleteAccountSchema } from './schemas';

/**
 * Erases the account and what only concerns the person: mail to their address, counters naming
 * it; sessions, sign-in methods and roles go with the user row (ON DELETE CASCADE); staff actions
 * stay in the audit log without a name (SET NULL), and so does the lending history (bookings not
 * yet picked up are cancelled first; equipment still out must come back before). Their own drafts
 * to the institutes are erased with their files, open applications withdrawn.
 */
export async function deleteAccount(
	db: Database,
	actor: Actor | null,
	input: unknown,
	attachments?: Pick<MediaStorage, 'remove'>,
	now = new Date()
): Promise<void> {
	authorize(actor, 'account.self');
	const { confirmEmail } = parseInput(deleteAccountSchema, input);
	const files = await db.transaction(async (tx) => {
		const [person] = await tx
			.select({ email: user.email })
			.from(user)
			.where(eq(user.id, actor.userId))
			.for('update');
		if (!person) throw new NotFound('account');
		if (person.email.toLowerCase() !== confirmEmail) {
			throw new InvalidInput([{ path: 'confirmEmail', message: m.delete_confirm_mismatch() }]);
		}
		await keepOneAdmin(tx, actor.userId);
		await assertOwnsNoGroup(tx, actor.userId);
		await releaseBookingsOf(tx, actor.userId);
		const draftFiles = await forgetApplicationsOf(tx, actor.userId, now);
		await tx
			.delete(mailOutbox)
			.where(or(eq(mailOutbox.recipientUserId, actor.userId), eq(mailOutbox.recipient, person.email)));
		await forgetBuckets(tx, [limitKeys.failedPasswords(person.email), limitKeys.mails(person.email)]);
		await tx.delete(user).where(eq(user.id, actor.userId));
		return draftFiles;
	});
	for (const key of files) await attachments?.remove(key);
}
