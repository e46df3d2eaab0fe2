import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../../i18n/localized-text';
import type { Answer, FormField } from '../../../institutes/form-fields';
import { user } from '../../auth/auth.table';
import type { Database } from '../../db/client';
import { group } from '../../groups/groups.table';
import { application } from '../applications.table';
import { applicationForm, institute, programme, type ProgrammeKind } from '../institutes.table';
import { ledgerEntry } from '../ledger.table';

export type PublishedAnswer = {
	key: string;
	kind: FormField['kind'];
	label: LocalizedText;
	value: Answer;
	/** Labels of the chosen options, for choice and checkbox questions. */
	options?: LocalizedText[];
};

export type RegisterAward = {
	id: string;
	programme: { slug: string; kind: ProgrammeKind; title: LocalizedText };
	institute: { slug: string; name: LocalizedText };
	/** A group's name, or a person's when they agreed to it; null: a resident not named. */
	applicant: string | null;
	applicantKind: 'group' | 'person';
	title: string;
	awardedCents: number | null;
	decidedAt: string;
	answers: PublishedAnswer[];
};

/**
 * Only what the applicant agreed to publish, among the questions staff marked publishable,
 * labelled by the version of the form they answered.
 * Files never: attachments stay between the applicant and the reviewers.
 */
export function publishedAnswers(
	fields: readonly FormField[],
	answers: Record<string, Answer>,
	published: readonly string[]
): PublishedAnswer[] {
	return fields.flatMap((field) => {
		const value = answers[field.key];
		if (!field.publishable || !published.includes(field.key)) return [];
		if (field.kind === 'file' || value === undefined) return [];
		if (value.length === 0) return [];
		const answer: PublishedAnswer = { key: field.key, kind: field.kind, label: field.label, value };
		if (field.kind === 'choice' || field.kind === 'checkboxes') {
			const chosen = Array.isArray(value) ? value : [value];
			answer.options = field.options.filter((option) => chosen.includes(option.value)).map((o) => o.label);
		}
		return [answer];
	});
}

/** Accepted applications, newest decision first, as the public may see them. */
export async function registerAwards(db: Database): Promise<RegisterAward[]> {
	const rows = await db
		.select({
			application,
			fields: applicationForm.fields,
			programme: { slug: programme.slug, kind: programme.kind, title: programme.title },
			institute: { slug: institute.slug, name: institute.name },
			groupName: group.name,
			personName: user.name,
			// What the ledger says was paid, net of reversals (which name the same application).
			paidCents: sql<
				string | null
			>`(select sum(${ledgerEntry.amountCents}) from ${ledgerEntry} where ${ledgerEntry.applicationId} = ${application.id})`
		})
		.from(application)
		.innerJoin(programme, eq(programme.id, application.programmeId))
		.innerJoin(institute, eq(institute.id, programme.instituteId))
		.innerJoin(applicationForm, eq(applicationForm.id, application.formId))
		.leftJoin(group, eq(group.id, application.groupId))
		.leftJoin(user, eq(user.id, application.userId))
		.where(and(eq(application.status, 'accepted'), isNotNull(application.decidedAt)))
		.orderBy(desc(application.decidedAt), asc(application.id));
	return rows.map((row) => {
		const { application: applied } = row;
		const person = applied.publishName ? row.personName?.trim() || null : null;
		return {
			id: applied.id,
			programme: row.programme,
			institute: row.institute,
			applicant: applied.groupId ? row.groupName : person,
			applicantKind: applied.groupId ? 'group' : 'person',
			title: applied.title,
			awardedCents: row.paidCents === null ? applied.awardedCents : Number(row.paidCents),
			decidedAt: (applied.decidedAt ?? applied.updatedAt).toISOString(),
			answers: publishedAnswers(row.fields, applied.answers, applied.publishedFields)
		};
	});
}
