import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { openStatuses } from '../../../institutes/transitions';
import { application, applicationAttachment } from '../applications.table';
import { moveApplication } from './move-application';

/**
 * What closing an account does to a person's own applications (a group's stay with the group):
 * drafts never sent are erased, their files with them; open ones are withdrawn, so nobody reviews
 * what no one can answer; decided ones stay, without a name, since public money was at stake.
 * Returns the stored files to remove once the transaction has committed.
 */
export async function forgetApplicationsOf(tx: Database, userId: string, now: Date): Promise<string[]> {
	const own = and(eq(application.userId, userId), isNull(application.groupId));
	const drafts = await tx
		.select({ id: application.id })
		.from(application)
		.where(and(own, eq(application.status, 'draft')));
	const files = drafts.length
		? await tx
				.select({ key: applicationAttachment.key })
				.from(applicationAttachment)
				.where(
					inArray(
						applicationAttachment.applicationId,
						drafts.map((draft) => draft.id)
					)
				)
		: [];
	if (drafts.length)
		await tx.delete(application).where(
			inArray(
				application.id,
				drafts.map((draft) => draft.id)
			)
		);
	const open = await tx
		.select({ id: application.id, status: application.status })
		.from(application)
		.where(and(own, inArray(application.status, [...openStatuses])));
	for (const found of open)
		await moveApplication(tx, {
			application: found,
			transition: 'withdraw',
			actorId: userId,
			now,
			set: { withdrawnAt: now }
		});
	return files.map((file) => file.key);
}
