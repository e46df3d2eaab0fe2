import { asc, count, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { zonedParts } from '$lib/time/zoned';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../db/errors';
import { InvalidInput, Refused } from '../../errors';
import { parseInput } from '../../forms';
import { localizedOf } from '../../lending/inventory/fields';
import { applicationForm, institute, programme } from '../institutes.table';
import { programmeBySlug, type Programme } from './lookup';
import { newProgrammeSchema, programmeFieldsSchema, type ProgrammeFields } from './programme-schemas';

type Clock = { timeZone: string };

/** Every programme, published or not, with its institute, for the staff list. */
export async function listProgrammesForAdmin(db: Database, actor: Actor | null) {
	authorize(actor, 'institutes.manage');
	const institutes = await db
		.select({ slug: institute.slug, name: institute.name })
		.from(institute)
		.orderBy(asc(institute.position), asc(institute.slug));
	const programmes = await db
		.select({
			slug: programme.slug,
			title: programme.title,
			kind: programme.kind,
			institute: institute.slug,
			opensAt: programme.opensAt,
			closesAt: programme.closesAt,
			published: sql<boolean>`${programme.publishedAt} is not null`
		})
		.from(programme)
		.innerJoin(institute, eq(institute.id, programme.instituteId))
		.orderBy(asc(institute.position), asc(programme.slug));
	return { institutes, programmes };
}

/** The institutes a programme can belong to, for the form's choice. */
export async function programmeChoices(db: Database, actor: Actor | null) {
	authorize(actor, 'institutes.manage');
	const institutes = await db
		.select({ slug: institute.slug, name: institute.name })
		.from(institute)
		.orderBy(asc(institute.position), asc(institute.slug));
	return { institutes };
}

const cityLocal = (instant: Date | null, timeZone: string) => {
	if (!instant) return '';
	const parts = zonedParts(instant, timeZone);
	return `${parts.date}T${parts.time}`;
};
const euros = (cents: number | null) =>
	cents === null ? '' : cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

/** A programme as its form shows it. */
export async function getProgrammeForEdit(db: Database, actor: Actor | null, slug: string, clock: Clock) {
	authorize(actor, 'institutes.manage');
	const found = await programmeBySlug(db, slug);
	const [owner] = await db
		.select({ slug: institute.slug })
		.from(institute)
		.where(eq(institute.id, found.instituteId));
	const [forms] = await db
		.select({ versions: count() })
		.from(applicationForm)
		.where(eq(applicationForm.programmeId, found.id));
	return {
		...(await programmeChoices(db, actor)),
		slug: found.slug,
		title: found.title,
		published: found.publishedAt !== null,
		formVersions: forms?.versions ?? 0,
		fields: {
			institute: owner?.slug ?? '',
			kind: found.kind,
			titleFr: found.title.fr,
			titleEn: found.title.en ?? '',
			summaryFr: found.summary.fr,
			summaryEn: found.summary.en ?? '',
			eligibilityFr: found.eligibility.fr,
			eligibilityEn: found.eligibility.en ?? '',
			opensAt: cityLocal(found.opensAt, clock.timeZone),
			closesAt: cityLocal(found.closesAt, clock.timeZone),
			budget: euros(found.budgetCents),
			maxAmount: euros(found.maxAmountCents),
			decisionDays: found.decisionDays === null ? '' : String(found.decisionDays)
		}
	};
}

async function rowOf(db: Database, fields: ProgrammeFields) {
	const [owner] = await db
		.select({ id: institute.id })
		.from(institute)
		.where(eq(institute.slug, fields.institute));
	if (!owner) throw new InvalidInput([{ path: 'institute', message: m.programme_institute_required() }]);
	return {
		instituteId: owner.id,
		kind: fields.kind,
		title: localizedOf(fields.titleFr, fields.titleEn),
		summary: localizedOf(fields.summaryFr, fields.summaryEn),
		eligibility: localizedOf(fields.eligibilityFr, fields.eligibilityEn),
		// The schema refuses an empty opening date.
		opensAt: fields.opensAt ?? new Date(0),
		closesAt: fields.closesAt,
		budgetCents: fields.budget,
		maxAmountCents: fields.maxAmount,
		decisionDays: fields.decisionDays
	};
}

const audited = (row: Programme) => ({
	slug: row.slug,
	kind: row.kind,
	title: row.title,
	opensAt: row.opensAt,
	closesAt: row.closesAt,
	budgetCents: row.budgetCents,
	maxAmountCents: row.maxAmountCents,
	decisionDays: row.decisionDays,
	published: row.publishedAt !== null
});

/** Creates an unpublished programme; staff then build its form before publishing it. */
export async function createProgramme(db: Database, actor: Actor | null, input: unknown, clock: Clock) {
	authorize(actor, 'institutes.manage');
	const fields = parseInput(newProgrammeSchema(clock.timeZone), input);
	try {
		return await db.transaction(async (tx) => {
			const [created] = await tx
				.insert(programme)
				.values({ slug: fields.slug, ...(await rowOf(tx, fields)) })
				.returning();
			if (!created) throw new Error('programme insert returned nothing');
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'programme.create',
				subjectType: 'programme',
				subjectId: created.id,
				after: audited(created)
			});
			return created.slug;
		});
	} catch (problem) {
		if (sqlStateOf(problem) === UNIQUE_VIOLATION)
			throw new InvalidInput([{ path: 'slug', message: m.programme_slug_taken() }]);
		throw problem;
	}
}

export async function updateProgramme(
	db: Database,
	actor: Actor | null,
	slug: string,
	input: unknown,
	clock: Clock
) {
	authorize(actor, 'institutes.manage');
	const fields = parseInput(programmeFieldsSchema(clock.timeZone), input);
	await db.transaction(async (tx) => {
		const before = await programmeBySlug(tx, slug, true);
		const [after] = await tx
			.update(programme)
			.set({ ...(await rowOf(tx, fields)), updatedAt: sql`now()` })
			.where(eq(programme.id, before.id))
			.returning();
		if (!after) throw new Error('programme update returned nothing');
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'programme.update',
			subjectType: 'programme',
			subjectId: before.id,
			before: audited(before),
			after: audited(after)
		});
	});
}

/** Shows or hides a programme; one without a form cannot be shown, nobody could apply. */
export async function setProgrammePublished(
	db: Database,
	actor: Actor | null,
	slug: string,
	published: boolean
) {
	authorize(actor, 'institutes.manage');
	await db.transaction(async (tx) => {
		const found = await programmeBySlug(tx, slug, true);
		if (published) {
			const [form] = await tx
				.select({ id: applicationForm.id })
				.from(applicationForm)
				.where(eq(applicationForm.programmeId, found.id))
				.limit(1);
			if (!form) throw new Refused('programme_without_form', m.programme_publish_needs_form());
		}
		if ((found.publishedAt !== null) === published) return;
		await tx
			.update(programme)
			.set({ publishedAt: published ? sql`now()` : null, updatedAt: sql`now()` })
			.where(eq(programme.id, found.id));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: published ? 'programme.publish' : 'programme.unpublish',
			subjectType: 'programme',
			subjectId: found.id
		});
	});
}
