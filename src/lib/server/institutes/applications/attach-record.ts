import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { Refused } from '../../errors';
import { application } from '../applications.table';
import { commonsRecordOf } from '../commons-record';
import type { InstitutesContext } from '../context';
import { applicationFor, isEditable } from './access';

/**
 * Copies the applicant's commons record into the application in one tap (or takes it out): a
 * snapshot, so what reviewers read does not change under them.
 */
export async function setCommonsRecord(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	attach: boolean,
	locale: Locale
) {
	await db.transaction(async (tx) => {
		const found = await applicationFor(tx, actor, id, true);
		if (!isEditable(found.application.status))
			throw new Refused('not_editable', m.application_not_editable());
		const now = context.now();
		const holder = {
			userId: found.application.userId ?? actor?.userId ?? '',
			groupId: found.application.groupId
		};
		const commonsRecord = attach ? await commonsRecordOf(tx, holder, now, locale) : null;
		await tx.update(application).set({ commonsRecord, updatedAt: now }).where(eq(application.id, id));
	});
}
