import { and, eq, gt, inArray, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { pickLocalized } from '../../../i18n/localized-text';
import { user } from '../../auth/auth.table';
import { userRole } from '../../auth/roles.table';
import type { Database } from '../../db/client';
import { queueMail } from '../../mail/outbox';
import { application, applicationEvent } from '../applications.table';
import type { InstitutesContext } from '../context';
import { programme } from '../institutes.table';
import { reviewAssignment, reviewerDigest } from '../reviews.table';
import { eventLabel } from '../../../institutes/event-labels';

const DAY = 86_400_000;
type Reader = { id: string; email: string; locale: 'fr' | 'en' };
type Window = { since: Date; through: Date };

const activeAssignment = (reviewerId: string) =>
	and(
		eq(reviewAssignment.applicationId, application.id),
		eq(reviewAssignment.reviewerId, reviewerId),
		isNull(reviewAssignment.conflictDeclaredAt)
	);

const eventRows = (db: Database) =>
	db
		.select({
			kind: applicationEvent.kind,
			at: applicationEvent.at,
			title: application.title,
			call: programme.title
		})
		.from(applicationEvent)
		.innerJoin(application, eq(application.id, applicationEvent.applicationId))
		.innerJoin(programme, eq(programme.id, application.programmeId));

/** What happened in the window: on the reader's applications (not by them), and unassigned new submissions. */
export async function digestContent(db: Database, reader: Pick<Reader, 'id'>, window: Window) {
	const inWindow = and(gt(applicationEvent.at, window.since), lte(applicationEvent.at, window.through));
	const [mine, unassigned] = await Promise.all([
		eventRows(db)
			.innerJoin(reviewAssignment, activeAssignment(reader.id))
			.where(and(inWindow, or(isNull(applicationEvent.actorId), ne(applicationEvent.actorId, reader.id))))
			.orderBy(applicationEvent.at),
		eventRows(db)
			.where(
				and(
					inWindow,
					inArray(applicationEvent.kind, ['submit', 'resubmit']),
					notExists(
						db
							.select({ one: sql`1` })
							.from(reviewAssignment)
							.where(
								and(
									eq(reviewAssignment.applicationId, application.id),
									isNull(reviewAssignment.conflictDeclaredAt)
								)
							)
					)
				)
			)
			.orderBy(applicationEvent.at)
	]);
	return { mine, unassigned };
}

function digestText(reader: Reader, content: Awaited<ReturnType<typeof digestContent>>, origin: string) {
	const options = { locale: reader.locale };
	const line = (row: (typeof content.mine)[number]) =>
		`- ${pickLocalized(row.call, reader.locale)} · ${row.title || m.review_untitled({}, options)}: ${eventLabel(row.kind, reader.locale)}`;
	const sections = [
		content.mine.length > 0
			? `${m.review_digest_mine({}, options)}\n${content.mine.map(line).join('\n')}`
			: '',
		content.unassigned.length > 0
			? `${m.review_digest_unassigned({}, options)}\n${content.unassigned.map(line).join('\n')}`
			: ''
	].filter(Boolean);
	return `${sections.join('\n\n')}\n\n${origin}/admin/applications`;
}

async function digestFor(db: Database, context: InstitutesContext, reader: Reader, now: Date) {
	return db.transaction(async (tx) => {
		await tx
			.insert(reviewerDigest)
			.values({ reviewerId: reader.id, sentThrough: new Date(now.getTime() - DAY) })
			.onConflictDoNothing();
		const [row] = await tx
			.select()
			.from(reviewerDigest)
			.where(eq(reviewerDigest.reviewerId, reader.id))
			.for('update');
		if (!row || row.sentThrough >= now) return 0;
		const content = await digestContent(tx, reader, { since: row.sentThrough, through: now });
		await tx.update(reviewerDigest).set({ sentThrough: now }).where(eq(reviewerDigest.reviewerId, reader.id));
		const count = content.mine.length + content.unassigned.length;
		if (count === 0) return 0;
		await queueMail(tx, context.mailer.mode, {
			to: reader.email,
			recipientUserId: reader.id,
			subject: m.review_digest_subject({ count }, { locale: reader.locale }),
			text: digestText(reader, content, context.origin),
			kind: 'review_digest'
		});
		return 1;
	});
}

/** Once a day, one message per reviewer with what is new since their last one; none when nothing is. */
export async function sendReviewerDigests(db: Database, context: InstitutesContext): Promise<number> {
	const now = context.now();
	const readers = await db
		.selectDistinct({ id: user.id, email: user.email, locale: user.locale })
		.from(user)
		.innerJoin(userRole, eq(userRole.userId, user.id))
		.where(and(inArray(userRole.role, ['reviewer', 'admin']), eq(user.notifyApplications, true)));
	let sent = 0;
	for (const reader of readers) sent += await digestFor(db, context, reader, now);
	if (sent > 0) context.mailer.nudge();
	return sent;
}
