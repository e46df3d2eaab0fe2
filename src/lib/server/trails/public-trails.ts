import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { group } from '../groups/groups.table';
import { isSlugText } from '../db/slugs';
import type { ExportTrail } from './geo/types';
import { licenceOf } from '../../trails/licences';
import type { PublishedProject, PublishedTrail } from './published';
import { themes } from '../../trails/themes';
import { project, projectLoan, trail } from './trails.table';
import { booking } from '../lending/bookings.table';
import { equipmentModel, kit } from '../lending/equipment.table';
import type { LocalizedText } from '../../i18n/localized-text';

const isPublic = and(isNotNull(trail.published), isNotNull(project.published));

/**
 * The published trails for the list: titles, figures and themes, not their stops (the map reads
 * those from the kept GeoJSON). A public read: no permission.
 */
export async function listPublishedTrails(db: Database, options: { theme?: string } = {}) {
	// No trail has a theme that does not exist; and a NUL would fail the query rather than match none.
	if (options.theme && !(themes as readonly string[]).includes(options.theme)) return [];
	const rows = await db
		.select({
			slug: trail.slug,
			title: sql<string>`${trail.published} ->> 'title'`,
			summary: sql<string>`${trail.published} ->> 'summary'`,
			lengthMetres: sql<number>`(${trail.published} ->> 'lengthMetres')::int`,
			walkingMinutes: sql<number>`(${trail.published} ->> 'walkingMinutes')::int`,
			stopCount: sql<number>`jsonb_array_length(${trail.published} -> 'stops')`,
			themes: sql<string[]>`array(select jsonb_array_elements_text(${project.published} -> 'themes'))`,
			project: { slug: project.slug, title: sql<string>`${project.published} ->> 'title'` },
			group: { slug: group.slug, name: group.name }
		})
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.innerJoin(group, eq(group.id, project.groupId))
		.where(options.theme ? and(isPublic, sql`${project.published} -> 'themes' ? ${options.theme}`) : isPublic)
		.orderBy(asc(sql`${trail.published} ->> 'title'`));
	return rows;
}

type PublicTrail = {
	slug: string;
	trail: PublishedTrail;
	project: { slug: string } & PublishedProject;
	group: { slug: string; name: string };
	publishedAt: Date;
};

/** Published trails with their project and group, as one query both reads below narrow. */
const publicTrailRows = (db: Database) =>
	db
		.select({
			slug: trail.slug,
			published: trail.published,
			publishedAt: trail.publishedAt,
			project: { slug: project.slug, published: project.published },
			group: { slug: group.slug, name: group.name }
		})
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.innerJoin(group, eq(group.id, project.groupId))
		.$dynamic();

type PublicTrailRow = Awaited<ReturnType<typeof publicTrailRows>>[number];

function publicTrailOf(row: PublicTrailRow | undefined): PublicTrail | null {
	if (!row?.published || !row.project.published || !row.publishedAt) return null;
	return {
		slug: row.slug,
		trail: row.published,
		project: { slug: row.project.slug, ...row.project.published },
		group: row.group,
		publishedAt: row.publishedAt
	};
}

/** One published trail as the public sees it: the approved version, never the working copy. */
export async function getPublishedTrail(db: Database, slug: string): Promise<PublicTrail> {
	if (!isSlugText(slug)) throw new NotFound(m.trail_not_found());
	const [row] = await publicTrailRows(db).where(and(eq(trail.slug, slug), isPublic));
	const found = publicTrailOf(row);
	if (!found) throw new NotFound(m.trail_not_found());
	return found;
}

/** "Made with": what the city lent for a project, without who borrowed it. */
export async function loansOfProject(db: Database, projectSlug: string) {
	return db
		.select({
			item: sql<LocalizedText>`coalesce(${equipmentModel.name}, ${kit.name})`,
			slug: sql<string>`coalesce(${equipmentModel.slug}, ${kit.slug})`,
			startsAt: booking.startsAt
		})
		.from(projectLoan)
		.innerJoin(project, eq(project.id, projectLoan.projectId))
		.innerJoin(booking, eq(booking.id, projectLoan.bookingId))
		.leftJoin(equipmentModel, eq(equipmentModel.id, booking.modelId))
		.leftJoin(kit, eq(kit.id, booking.kitId))
		.where(eq(project.slug, projectSlug))
		.orderBy(asc(booking.startsAt));
}

export const attributionOf = (found: Pick<PublicTrail, 'group' | 'project'>) =>
	found.project.credits ? `${found.group.name} — ${found.project.credits}` : found.group.name;

/** A published trail as the GPX and GeoJSON exports take it; addresses are absolute. */
export function exportTrailOf(origin: string, found: PublicTrail): ExportTrail {
	const url = `${origin}/trails/${found.slug}`;
	return {
		slug: found.slug,
		title: found.trail.title,
		url,
		summary: found.trail.summary,
		licence: licenceOf(found.project.licence),
		attribution: attributionOf(found),
		themes: found.project.themes,
		path: found.trail.path.length >= 2 ? found.trail.path : found.trail.stops.map((stop) => stop.position),
		stops: found.trail.stops.map((stop) => ({
			id: stop.id,
			title: stop.title,
			text: stop.text,
			position: stop.position,
			radiusMetres: stop.radiusMetres,
			url: `${url}/stops/${stop.id}`
		})),
		lengthMetres: found.trail.lengthMetres,
		walkingMinutes: found.trail.walkingMinutes,
		updatedAt: found.publishedAt.toISOString()
	};
}

/** Every published trail, complete, for the GeoJSON of all trails. A public read. */
export async function allPublishedTrails(db: Database): Promise<PublicTrail[]> {
	const rows = await publicTrailRows(db).where(isPublic).orderBy(asc(trail.slug));
	return rows.flatMap((row) => publicTrailOf(row) ?? []);
}
