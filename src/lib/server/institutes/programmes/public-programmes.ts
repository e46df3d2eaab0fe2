import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { openStatuses } from '$lib/institutes/transitions';
import { can, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { NotFound } from '../../errors';
import { group, groupMember } from '../../groups/groups.table';
import { application } from '../applications.table';
import { applicationForm, institute, programme, rubricCriterion } from '../institutes.table';
import { instituteBySlug, programmeBySlug } from './lookup';
import { byPhase, phaseOf } from './phase';

const summaryColumns = {
	slug: programme.slug,
	instituteId: programme.instituteId,
	kind: programme.kind,
	title: programme.title,
	summary: programme.summary,
	opensAt: programme.opensAt,
	closesAt: programme.closesAt,
	maxAmountCents: programme.maxAmountCents
};

/** Published programmes, soonest closing first (those that never close last). */
function publishedProgrammes(db: Database, instituteIds: string[]) {
	return db
		.select(summaryColumns)
		.from(programme)
		.where(and(isNotNull(programme.publishedAt), inArray(programme.instituteId, instituteIds)))
		.orderBy(asc(programme.closesAt), asc(programme.opensAt), asc(programme.slug));
}

/** The institutes with their published programmes, open, upcoming and past on the city's clock. */
export async function listInstitutes(db: Database, now: Date) {
	const institutes = await db
		.select({ id: institute.id, slug: institute.slug, name: institute.name, mission: institute.mission })
		.from(institute)
		.orderBy(asc(institute.position), asc(institute.slug));
	const programmes = institutes.length
		? await publishedProgrammes(
				db,
				institutes.map((row) => row.id)
			)
		: [];
	return institutes.map(({ id, ...rest }) => ({
		...rest,
		programmes: byPhase(
			programmes.filter((row) => row.instituteId === id),
			now
		)
	}));
}

/** One institute's page: its mission and its published programmes. */
export async function getInstitutePage(db: Database, slug: string, now: Date) {
	const found = await instituteBySlug(db, slug);
	const programmes = await publishedProgrammes(db, [found.id]);
	return {
		institute: { slug: found.slug, name: found.name, mission: found.mission },
		programmes: byPhase(programmes, now)
	};
}

/** The actor's open applications to a programme: their own, and their groups' they may write. */
async function openApplicationsOf(db: Database, actor: Actor, programmeId: string) {
	const writableGroups = db
		.select({ id: groupMember.groupId })
		.from(groupMember)
		.where(and(eq(groupMember.userId, actor.userId), inArray(groupMember.role, ['owner', 'editor'])));
	return (
		db
			.select({
				id: application.id,
				status: application.status,
				title: application.title,
				groupName: group.name
			})
			.from(application)
			.leftJoin(group, eq(group.id, application.groupId))
			.where(
				and(
					eq(application.programmeId, programmeId),
					inArray(application.status, [...openStatuses]),
					or(
						and(eq(application.userId, actor.userId), isNull(application.groupId)),
						inArray(application.groupId, writableGroups)
					)
				)
			)
			// One's own first, then the groups' by name.
			.orderBy(sql`${application.groupId} is not null`, asc(group.name), asc(application.createdAt))
	);
}

/**
 * A programme's public page: its terms, the questions of its current form and what reviewers
 * judge. Unpublished programmes exist only for the staff who prepare them.
 */
export async function getProgrammePage(db: Database, actor: Actor | null, slug: string, now: Date) {
	const found = await programmeBySlug(db, slug);
	const preview = can(actor, 'institutes.manage');
	if (!found.publishedAt && !preview) throw new NotFound(m.programme_not_found());
	const [owner] = await db
		.select({ slug: institute.slug, name: institute.name })
		.from(institute)
		.where(eq(institute.id, found.instituteId));
	const [form] = await db
		.select({ version: applicationForm.version, fields: applicationForm.fields })
		.from(applicationForm)
		.where(eq(applicationForm.programmeId, found.id))
		.orderBy(desc(applicationForm.version))
		.limit(1);
	const criteria = await db
		.select({ label: rubricCriterion.label, weight: rubricCriterion.weight })
		.from(rubricCriterion)
		.where(eq(rubricCriterion.programmeId, found.id))
		.orderBy(asc(rubricCriterion.position));
	return {
		programme: {
			slug: found.slug,
			kind: found.kind,
			title: found.title,
			summary: found.summary,
			eligibility: found.eligibility,
			opensAt: found.opensAt,
			closesAt: found.closesAt,
			budgetCents: found.budgetCents,
			maxAmountCents: found.maxAmountCents,
			decisionDays: found.decisionDays,
			published: found.publishedAt !== null
		},
		institute: owner ?? null,
		phase: phaseOf(found, now),
		questions: form?.fields ?? [],
		criteria,
		myApplications: actor ? await openApplicationsOf(db, actor, found.id) : [],
		canManage: preview
	};
}
