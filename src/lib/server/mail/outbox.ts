import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { mailOutbox } from './outbox.table';

export type OutgoingMail = {
	to: string;
	subject: string;
	text: string;
	kind: string;
	recipientUserId?: string | null;
};

export type DeliveryMode = 'smtp' | 'keep';

/**
 * Puts a message in the outbox inside the caller's transaction. With SMTP it waits there for the
 * dispatcher; without, it is kept for admins to read.
 */
export async function queueMail(db: Database, mode: DeliveryMode, mail: OutgoingMail) {
	const [row] = await db
		.insert(mailOutbox)
		.values({
			recipient: mail.to,
			recipientUserId: mail.recipientUserId ?? null,
			subject: mail.subject,
			text: mail.text,
			kind: mail.kind,
			status: mode === 'smtp' ? 'pending' : 'kept'
		})
		.returning({ id: mailOutbox.id });
	if (!row) throw new Error('outbox insert returned nothing');
	return row.id;
}

const LEASE_SECONDS = 300;

/**
 * Takes up to `limit` due messages for this instance. The lease (next attempt pushed forward)
 * and SKIP LOCKED keep two instances from sending the same message.
 */
export async function claimDueMail(db: Database, limit: number) {
	const due = db
		.select({ id: mailOutbox.id })
		.from(mailOutbox)
		.where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, sql`now()`)))
		.orderBy(mailOutbox.createdAt)
		.limit(limit)
		.for('update', { skipLocked: true });
	return db
		.update(mailOutbox)
		.set({
			attempts: sql`${mailOutbox.attempts} + 1`,
			nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})`
		})
		.where(inArray(mailOutbox.id, due))
		.returning();
}

/**
 * Once a sign-in or reset mail has left, its link is only the recipient's business: the copy
 * kept here loses its body so that nobody reading the outbox can use it.
 */
export async function markSent(db: Database, message: { id: string; kind: string }) {
	await db
		.update(mailOutbox)
		.set({
			status: 'sent',
			sentAt: sql`now()`,
			lastError: null,
			...(message.kind.startsWith('auth.') ? { text: '' } : {})
		})
		.where(eq(mailOutbox.id, message.id));
}

/** Keeps sent and failed mail for 90 days, mail kept unsent (no SMTP) for 30. */
export async function pruneOutbox(db: Database): Promise<void> {
	await db.delete(mailOutbox).where(
		sql`(${mailOutbox.status} in ('sent', 'failed') and ${mailOutbox.createdAt} < now() - interval '90 days')
				or (${mailOutbox.status} = 'kept' and ${mailOutbox.createdAt} < now() - interval '30 days')`
	);
}

export const MAX_ATTEMPTS = 6;

/** Retries back off: 1, 4, 9, 16, 25 minutes; after the last attempt the message is failed. */
export async function markFailed(db: Database, id: string, attempts: number, reason: string) {
	const final = attempts >= MAX_ATTEMPTS;
	await db
		.update(mailOutbox)
		.set({
			status: final ? 'failed' : 'pending',
			lastError: reason.slice(0, 1000),
			nextAttemptAt: sql`now() + make_interval(mins => ${attempts * attempts})`
		})
		.where(eq(mailOutbox.id, id));
}

/** Admins read the outbox; each reading is logged, since it can show live sign-in links. */
export async function readOutbox(db: Database, actor: Actor | null, options: { limit?: number } = {}) {
	authorize(actor, 'outbox.read');
	const messages = await db
		.select()
		.from(mailOutbox)
		.orderBy(desc(mailOutbox.createdAt))
		.limit(Math.min(options.limit ?? 100, 500));
	await recordAudit(db, {
		actorId: actor.userId,
		action: 'outbox.read',
		subjectType: 'mail_outbox',
		subjectId: '*',
		after: { messages: messages.length }
	});
	return messages;
}
