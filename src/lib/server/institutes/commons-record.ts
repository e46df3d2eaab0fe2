import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime';
import { pickLocalized, type LocalizedText } from '../../i18n/localized-text';
import type { Database } from '../db/client';
import { groupMember } from '../groups/groups.table';
import { booking } from '../lending/bookings.table';
import { equipmentModel, kit } from '../lending/equipment.table';
import { project, projectLoan, trail } from '../trails/trails.table';
import { application } from './applications.table';
import type { CommonsRecord } from './commons-record-types';
import { programme } from './institutes.table';

export type RecordHolder = { userId: string; groupId: string | null };

/** The groups whose work counts: the group applying, or every group the person belongs to. */
async function groupsOf(db: Database, holder: RecordHolder): Promise<string[]> {
	if (holder.groupId) return [holder.groupId];
	const rows = await db
		.select({ id: groupMember.groupId })
		.from(groupMember)
		.where(eq(groupMember.userId, holder.userId));
	return rows.map((row) => row.id);
}

async function trailsAndMedia(db: Database, groupIds: string[]) {
	const rows = await db
		.select({ slug: trail.slug, published: trail.published, publishedAt: trail.publishedAt })
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.where(and(inArray(project.groupId, groupIds), isNotNull(trail.published)))
		.orderBy(desc(trail.publishedAt));
	const trails: CommonsRecord['trails'] = [];
	const media: CommonsRecord['media'] = [];
	for (const row of rows) {
		if (!row.published) continue;
		trails.push({
			slug: row.slug,
			title: row.published.title,
			publishedAt: row.publishedAt?.toISOString() ?? null,
			stops: row.published.stops.length
		});
		for (const stop of row.published.stops)
			for (const item of stop.media)
				media.push({ title: item.title, kind: item.kind, licence: item.licence, trail: row.slug });
	}
	return { trails, media };
}

async function loans(db: Database, groupIds: string[], locale: Locale): Promise<CommonsRecord['loans']> {
	const rows = await db
		.select({
			item: sql<LocalizedText>`coalesce(${equipmentModel.name}, ${kit.name})`,
			project: sql<string>`coalesce(${project.published}->>'title', ${project.title})`,
			from: booking.startsAt,
			to: booking.endsAt
		})
		.from(projectLoan)
		.innerJoin(project, eq(project.id, projectLoan.projectId))
		.innerJoin(booking, eq(booking.id, projectLoan.bookingId))
		.leftJoin(equipmentModel, eq(equipmentModel.id, booking.modelId))
		.leftJoin(kit, eq(kit.id, booking.kitId))
		.where(and(inArray(project.groupId, groupIds), isNotNull(project.published)))
		.orderBy(desc(booking.startsAt));
	return rows.map((row) => ({
		model: pickLocalized(row.item, locale),
		project: row.project,
		from: row.from.toISOString(),
		to: row.to.toISOString()
	}));
}

async function prizes(
	db: Database,
	holder: RecordHolder,
	groupIds: string[],
	locale: Locale
): Promise<CommonsRecord['prizes']> {
	const whose = holder.groupId
		? eq(application.groupId, holder.groupId)
		: or(
				and(eq(application.userId, holder.userId), sql`${application.groupId} is null`),
				groupIds.length > 0 ? inArray(application.groupId, groupIds) : sql`false`
			);
	const rows = await db
		.select({
			title: programme.title,
			amountCents: application.awardedCents,
			decidedAt: application.decidedAt
		})
		.from(application)
		.innerJoin(programme, eq(programme.id, application.programmeId))
		.where(and(whose, eq(application.status, 'accepted'), eq(programme.kind, 'prize')))
		.orderBy(desc(application.decidedAt));
	return rows.map((row) => ({
		programme: pickLocalized(row.title, locale),
		amountCents: row.amountCents,
		decidedAt: row.decidedAt?.toISOString() ?? ''
	}));
}

/**
 * A person's or group's record on the portal as it stands now: published trails and their media,
 * loans that served published projects, and prizes won. A person's record is their groups' work.
 */
export async function commonsRecordOf(
	db: Database,
	holder: RecordHolder,
	now: Date,
	locale: Locale
): Promise<CommonsRecord> {
	const groupIds = await groupsOf(db, holder);
	const work = groupIds.length > 0 ? await trailsAndMedia(db, groupIds) : { trails: [], media: [] };
	return {
		takenAt: now.toISOString(),
		...work,
		loans: groupIds.length > 0 ? await loans(db, groupIds, locale) : [],
		prizes: await prizes(db, holder, groupIds, locale)
	};
}
