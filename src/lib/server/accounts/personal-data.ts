import { desc, eq } from 'drizzle-orm';
import { auditEvent } from '../audit/audit.table';
import { session } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import { userRole } from '../auth/roles.table';
import type { Database } from '../db/client';
import { groupsOfPerson } from '../groups/account-groups';
import { applicationsOfPerson } from '../institutes/applications/my-applications';
import { completionsOf } from '../learning/completed';
import { lendingDataOf } from '../lending/personal-data';
import { mailOutbox } from '../mail/outbox.table';
import { getProfile } from './profile';

/**
 * Everything the portal holds about the person, as one JSON document (GDPR art. 15 and 20).
 * Each service adds its own section here as it lands.
 */
export async function exportPersonalData(db: Database, actor: Actor | null) {
	authorize(actor, 'account.self');
	const userId = actor.userId;
	const [profile, roles, sessions, messages, actions, trainings, lending, groups, applications] =
		await Promise.all([
			getProfile(db, actor),
			db
				.select({ role: userRole.role, grantedAt: userRole.grantedAt })
				.from(userRole)
				.where(eq(userRole.userId, userId)),
			db
				.select({
					createdAt: session.createdAt,
					expiresAt: session.expiresAt,
					ipAddress: session.ipAddress,
					userAgent: session.userAgent
				})
				.from(session)
				.where(eq(session.userId, userId)),
			db
				.select({
					createdAt: mailOutbox.createdAt,
					subject: mailOutbox.subject,
					text: mailOutbox.text,
					status: mailOutbox.status
				})
				.from(mailOutbox)
				.where(eq(mailOutbox.recipientUserId, userId))
				.orderBy(desc(mailOutbox.createdAt)),
			db
				.select({ at: auditEvent.at, action: auditEvent.action, subjectType: auditEvent.subjectType })
				.from(auditEvent)
				.where(eq(auditEvent.actorId, userId))
				.orderBy(desc(auditEvent.at)),
			completionsOf(db, userId),
			lendingDataOf(db, userId),
			groupsOfPerson(db, userId),
			applicationsOfPerson(db, userId)
		]);
	return {
		exportedAt: new Date().toISOString(),
		account: { id: userId, ...profile },
		roles,
		sessions,
		messages,
		staffActions: actions,
		trainings: trainings.map(({ slug, title, method, completedAt }) => ({
			module: slug,
			title,
			method,
			completedAt
		})),
		lending,
		groups,
		applications
	};
}
