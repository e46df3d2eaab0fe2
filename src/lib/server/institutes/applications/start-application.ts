import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { openStatuses } from '../../../institutes/transitions';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../db/errors';
import { isSlugText } from '../../db/slugs';
import { NotFound, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { group, groupMember } from '../../groups/groups.table';
import { application, applicationEvent } from '../applications.table';
import type { InstitutesContext } from '../context';
import { applicationForm, programme } from '../institutes.table';
import { authorizeApplicant, isOpen } from './access';

const startSchema = z.object({
	programme: z.string().max(100),
	// "self", or the id of a group the person applies for.
	applicant: z.union([z.literal('self'), z.uuid()], { error: () => m.application_applicant_required() })
});

async function openProgramme(db: Database, slug: string, now: Date) {
	if (!isSlugText(slug)) throw new NotFound(m.application_programme_not_found());
	const [found] = await db.select().from(programme).where(eq(programme.slug, slug));
	if (!found || found.publishedAt === null || found.publishedAt > now)
		throw new NotFound(m.application_programme_not_found());
	if (!isOpen(found, now)) throw new Refused('programme_closed', m.application_programme_closed());
	return found;
}

/** The applicant's open application to the programme, if there is one. */
async function openApplicationOf(db: Database, programmeId: string, userId: string, groupId: string | null) {
	const [found] = await db
		.select({ id: application.id })
		.from(application)
		.where(
			and(
				eq(application.programmeId, programmeId),
				groupId
					? eq(application.groupId, groupId)
					: and(eq(application.userId, userId), isNull(application.groupId)),
				inArray(application.status, openStatuses)
			)
		);
	return found?.id ?? null;
}

/**
 * Starts a draft for the programme on its current form, as the person or for one of their groups;
 * returns the id of the applicant's open application instead when there is one already, so a
 * second tap, a second device or a race never makes a second draft.
 */
export async function startApplication(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	input: unknown
): Promise<string> {
	authorize(actor, 'applications.apply');
	const request = parseInput(startSchema, input);
	const groupId = request.applicant === 'self' ? null : request.applicant;
	await authorizeApplicant(db, actor, { userId: actor.userId, groupId });
	const now = context.now();
	const found = await openProgramme(db, request.programme, now);
	const existing = await openApplicationOf(db, found.id, actor.userId, groupId);
	if (existing) return existing;
	const [form] = await db
		.select({ id: applicationForm.id })
		.from(applicationForm)
		.where(eq(applicationForm.programmeId, found.id))
		.orderBy(desc(applicationForm.version))
		.limit(1);
	if (!form) throw new Refused('programme_closed', m.application_programme_closed());
	try {
		return await db.transaction(async (tx) => {
			const [created] = await tx
				.insert(application)
				.values({
					programmeId: found.id,
					formId: form.id,
					userId: actor.userId,
					groupId,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: application.id });
			if (!created) throw new Error('application insert returned nothing');
			await tx.insert(applicationEvent).values({
				applicationId: created.id,
				at: now,
				actorId: actor.userId,
				kind: 'start',
				toStatus: 'draft'
			});
			return created.id;
		});
	} catch (problem) {
		if (sqlStateOf(problem) !== UNIQUE_VIOLATION) throw problem;
		const winner = await openApplicationOf(db, found.id, actor.userId, groupId);
		if (!winner) throw problem;
		return winner;
	}
}

/** Whom the person may apply as: themselves, and the groups they own or edit. */
export async function applicantChoices(db: Database, actor: Actor | null) {
	authorize(actor, 'applications.apply');
	return db
		.select({ id: group.id, name: group.name, kind: group.kind })
		.from(groupMember)
		.innerJoin(group, eq(group.id, groupMember.groupId))
		.where(and(eq(groupMember.userId, actor.userId), inArray(groupMember.role, ['owner', 'editor'])))
		.orderBy(sql`lower(${group.name})`);
}

/** The programme a person is about to apply to, for the start page. */
export async function programmeToApply(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	slug: string
) {
	authorize(actor, 'applications.apply');
	return openProgramme(db, slug, context.now());
}
