import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { Forbidden, NotFound } from '../../errors';
import { group } from '../../groups/groups.table';
import { standingIn } from '../../groups/standing';
import { isUuid } from '../../ids';
import { application } from '../applications.table';
import { applicationForm, programme } from '../institutes.table';

export type Applicant = { kind: 'person' } | { kind: 'group'; groupId: string };

/**
 * Whether the actor may act for this applicant: themselves, or a group whose owner or editor they
 * are (a plain member follows the group's work but does not apply in its name).
 */
export async function authorizeApplicant(
	db: Database,
	actor: Actor | null,
	applicant: { userId: string | null; groupId: string | null }
): Promise<Actor> {
	authorize(actor, 'applications.apply');
	if (applicant.groupId) {
		const standing = await standingIn(db, applicant.groupId, actor);
		if (!(standing.role === 'owner' || standing.role === 'editor')) throw new Forbidden('applications.apply');
	} else if (applicant.userId !== actor.userId) throw new Forbidden('applications.apply');
	return actor;
}

/**
 * An application with its programme and form, for someone who may act for its applicant; locked
 * when the caller will change it. Someone else's is "not found", as if it did not exist.
 */
export async function applicationFor(db: Database, actor: Actor | null, id: string, lock = false) {
	authorize(actor, 'applications.apply');
	if (!isUuid(id)) throw new NotFound(m.application_not_found());
	const query = db
		.select({
			application,
			programme,
			form: applicationForm,
			group: { id: group.id, name: group.name, slug: group.slug, kind: group.kind }
		})
		.from(application)
		.innerJoin(programme, eq(programme.id, application.programmeId))
		.innerJoin(applicationForm, eq(applicationForm.id, application.formId))
		.leftJoin(group, eq(group.id, application.groupId))
		.where(eq(application.id, id));
	const [found] = lock ? await query.for('update', { of: application }) : await query;
	if (!found) throw new NotFound(m.application_not_found());
	try {
		await authorizeApplicant(db, actor, found.application);
	} catch (problem) {
		if (problem instanceof Forbidden) throw new NotFound(m.application_not_found());
		throw problem;
	}
	return found;
}

export type ApplicationAccess = Awaited<ReturnType<typeof applicationFor>>;

/** A programme takes new applications while published and between its opening and closing. */
export const isOpen = (
	found: { publishedAt: Date | null; opensAt: Date; closesAt: Date | null },
	now: Date
) =>
	found.publishedAt !== null &&
	found.publishedAt <= now &&
	found.opensAt <= now &&
	(found.closesAt === null || now < found.closesAt);

/** What the applicant may still change: a draft, or one sent back for changes. */
export const EDITABLE = ['draft', 'changes_requested'] as const;
export const isEditable = (status: string) => (EDITABLE as readonly string[]).includes(status);
