import type { Database } from '../db/client';
import { auditEvent } from './audit.table';

export type AuditEntry = {
	actorId: string | null;
	action: string;
	subjectType: string;
	subjectId: string;
	before?: unknown;
	after?: unknown;
};

/** Call inside the same transaction as the change, so the log and the change land together. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
	await db.insert(auditEvent).values({
		actorId: entry.actorId,
		action: entry.action,
		subjectType: entry.subjectType,
		subjectId: entry.subjectId,
		before: entry.before ?? null,
		after: entry.after ?? null
	});
}
