import { and, eq, isNotNull } from 'drizzle-orm';
import type { Actor, ReviewStanding } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { groupMember } from '../../groups/groups.table';
import { reviewAssignment } from '../reviews.table';

export type ConflictReason = 'own' | 'member' | 'declared';
export type Standing = ReviewStanding & { reason: ConflictReason | null };

type Applicant = { id: string; userId: string | null; groupId: string | null };

/** Whether a person may be the judge of an application: read afresh for every decision. */
export async function conflictOf(db: Database, personId: string, subject: Applicant) {
	if (subject.userId === personId) return 'own';
	if (subject.groupId) {
		const [member] = await db
			.select({ role: groupMember.role })
			.from(groupMember)
			.where(and(eq(groupMember.groupId, subject.groupId), eq(groupMember.userId, personId)));
		if (member) return 'member';
	}
	const [declared] = await db
		.select({ at: reviewAssignment.conflictDeclaredAt })
		.from(reviewAssignment)
		.where(
			and(
				eq(reviewAssignment.applicationId, subject.id),
				eq(reviewAssignment.reviewerId, personId),
				isNotNull(reviewAssignment.conflictDeclaredAt)
			)
		);
	return declared ? 'declared' : null;
}

/**
 * The actor's standing on an application: conflicted when it is their own, when they belong to the
 * applicant group in any role, or when they declared a conflict of interest on it.
 */
export async function reviewStanding(db: Database, actor: Actor, subject: Applicant): Promise<Standing> {
	const reason: ConflictReason | null = await conflictOf(db, actor.userId, subject);
	return { conflicted: reason !== null, reason };
}
