import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { group, groupMember } from '../../groups/groups.table';
import { application } from '../applications.table';
import { programme } from '../institutes.table';

/**
 * The person's applications and those of the groups they apply for (owner or editor), drafts
 * first, then the rest, newest first.
 */
export async function listMyApplications(db: Database, actor: Actor | null) {
	authorize(actor, 'applications.apply');
	const groupsApplying = db
		.select({ id: groupMember.groupId })
		.from(groupMember)
		.where(and(eq(groupMember.userId, actor.userId), inArray(groupMember.role, ['owner', 'editor'])));
	return db
		.select({
			id: application.id,
			title: application.title,
			status: application.status,
			updatedAt: application.updatedAt,
			submittedAt: application.submittedAt,
			expectedDecisionAt: application.expectedDecisionAt,
			programme: { slug: programme.slug, title: programme.title, closesAt: programme.closesAt },
			group: { name: group.name }
		})
		.from(application)
		.innerJoin(programme, eq(programme.id, application.programmeId))
		.leftJoin(group, eq(group.id, application.groupId))
		.where(
			or(
				and(eq(application.userId, actor.userId), isNull(application.groupId)),
				inArray(application.groupId, groupsApplying)
			)
		)
		.orderBy(
			asc(sql`case when ${application.status} in ('draft', 'changes_requested') then 0 else 1 end`),
			desc(application.updatedAt)
		);
}

/** A person's own applications, for their data export. */
export const applicationsOfPerson = (db: Database, userId: string) =>
	db
		.select({
			id: application.id,
			programme: programme.slug,
			group: group.name,
			status: application.status,
			title: application.title,
			answers: application.answers,
			publishedFields: application.publishedFields,
			publishName: application.publishName,
			submittedAt: application.submittedAt,
			decidedAt: application.decidedAt,
			decisionLetter: application.decisionLetter,
			awardedCents: application.awardedCents,
			createdAt: application.createdAt
		})
		.from(application)
		.innerJoin(programme, eq(programme.id, application.programmeId))
		.leftJoin(group, eq(group.id, application.groupId))
		.where(eq(application.userId, userId))
		.orderBy(desc(application.createdAt));
