import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { availableTransitions } from '../../../institutes/transitions';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { isUuid } from '../../ids';
import { longText } from '../../text-fields';
import { applicationEvent, milestone, progressReport } from '../applications.table';
import type { InstitutesContext } from '../context';
import { applicationFor, isEditable, isOpen } from './access';
import { attachmentsOf } from './attachments';

/** Everything the applicant sees of their application: the form or the answers, the timeline, follow-up. */
export async function getApplicationPage(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string
) {
	const found = await applicationFor(db, actor, id);
	const current = found.application;
	const [events, attachments, milestones, reports] = await Promise.all([
		db
			.select({
				at: applicationEvent.at,
				kind: applicationEvent.kind,
				toStatus: applicationEvent.toStatus,
				message: applicationEvent.message
			})
			.from(applicationEvent)
			.where(and(eq(applicationEvent.applicationId, id), eq(applicationEvent.visibleToApplicant, true)))
			.orderBy(asc(applicationEvent.at)),
		attachmentsOf(db, id),
		db.select().from(milestone).where(eq(milestone.applicationId, id)).orderBy(asc(milestone.position)),
		db
			.select({
				id: progressReport.id,
				text: progressReport.text,
				createdAt: progressReport.createdAt,
				milestoneId: progressReport.milestoneId
			})
			.from(progressReport)
			.where(eq(progressReport.applicationId, id))
			.orderBy(asc(progressReport.createdAt))
	]);
	return {
		application: {
			id: current.id,
			status: current.status,
			title: current.title,
			answers: current.answers,
			revision: current.revision,
			commonsRecord: current.commonsRecord,
			publishedFields: current.publishedFields,
			publishName: current.publishName,
			submittedAt: current.submittedAt,
			expectedDecisionAt: current.expectedDecisionAt,
			decisionLetter: current.decisionLetter,
			awardedCents: current.awardedCents,
			updatedAt: current.updatedAt
		},
		programme: {
			slug: found.programme.slug,
			title: found.programme.title,
			kind: found.programme.kind,
			closesAt: found.programme.closesAt,
			decisionDays: found.programme.decisionDays,
			open: isOpen(found.programme, context.now())
		},
		group: found.group,
		fields: found.form.fields,
		editable: isEditable(current.status),
		moves: availableTransitions(current.status, 'applicant'),
		events,
		attachments,
		milestones,
		reports
	};
}

const reportSchema = z.object({
	text: longText({ max: 4000, required: () => m.application_report_required() }).refine(
		(text) => text.length === 0 || text.length >= 2,
		{ error: () => m.application_report_required() }
	),
	milestone: z.string().default('')
});

/** A short report on an accepted application's progress, from its applicant. */
export async function addProgressReport(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: unknown
) {
	authorize(actor, 'applications.apply');
	const request = parseInput(reportSchema, input);
	await db.transaction(async (tx) => {
		const found = await applicationFor(tx, actor, id, true);
		if (found.application.status !== 'accepted')
			throw new Refused('not_accepted', m.application_report_not_accepted());
		let milestoneId: string | null = null;
		if (request.milestone) {
			const [row] = isUuid(request.milestone)
				? await tx
						.select({ id: milestone.id })
						.from(milestone)
						.where(and(eq(milestone.id, request.milestone), eq(milestone.applicationId, id)))
				: [];
			if (!row) throw new NotFound(m.application_milestone_not_found());
			milestoneId = row.id;
		}
		await tx.insert(progressReport).values({
			applicationId: id,
			milestoneId,
			authorId: actor?.userId ?? null,
			text: request.text,
			createdAt: context.now()
		});
	});
}
