import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { nextStatus, type ApplicationStatus, type Transition } from '../../../institutes/transitions';
import { recordAudit } from '../../audit/record';
import type { Database } from '../../db/client';
import { Refused } from '../../errors';
import { application, applicationEvent } from '../applications.table';

type Move = {
	application: { id: string; status: ApplicationStatus };
	transition: Transition;
	actorId: string;
	now: Date;
	/** Shown to the applicant in the timeline (a request for changes, a decision letter). */
	message?: string | null;
	/** Other columns the move sets with the status (dates, decision, amount). */
	set?: Partial<typeof application.$inferInsert>;
};

/**
 * Moves an application along the state machine: refuses any move the machine does not allow,
 * and writes the status only if nobody moved it first. Call inside the use case's transaction,
 * after its permission check; every transition goes through here, so the timeline and the audit
 * log never miss one.
 */
export async function moveApplication(tx: Database, move: Move): Promise<ApplicationStatus> {
	const from = move.application.status;
	const to = nextStatus(move.transition, from);
	if (!to) throw new Refused('transition_not_allowed', m.application_transition_refused());
	const moved = await tx
		.update(application)
		.set({ ...move.set, status: to, updatedAt: move.now })
		.where(and(eq(application.id, move.application.id), eq(application.status, from)))
		.returning({ id: application.id });
	if (moved.length === 0) throw new Refused('changed_meanwhile', m.application_changed_meanwhile());
	await tx.insert(applicationEvent).values({
		applicationId: move.application.id,
		at: move.now,
		actorId: move.actorId,
		kind: move.transition,
		fromStatus: from,
		toStatus: to,
		message: move.message ?? null
	});
	await recordAudit(tx, {
		actorId: move.actorId,
		action: `application.${move.transition}`,
		subjectType: 'application',
		subjectId: move.application.id,
		before: { status: from },
		after: { status: to, ...(move.message ? { message: move.message } : {}) }
	});
	return to;
}
