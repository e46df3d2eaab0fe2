import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { count, eq, notInArray } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import {
	auditEvent,
	group,
	groupInvitation,
	groupMember,
	mailOutbox,
	project,
	projectMedia,
	trail,
	trailStop,
	trailStopMedia
} from '../../src/lib/server/db/schema';
import { createGroup } from '../../src/lib/server/groups/create-group';
import { groupBySlug } from '../../src/lib/server/groups/standing';
import { localStorage } from '../../src/lib/server/media/storage';
import type { TrailsContext } from '../../src/lib/server/trails/context';
import { createProject } from '../../src/lib/server/trails/projects';
import { addStop } from '../../src/lib/server/trails/stops';
import { createTrail, updateTrail } from '../../src/lib/server/trails/trails';
import { NOW } from './lending';
import { createPerson } from './people';

export { NOW };
export const DAY = 86_400_000;

export type TestTrailsContext = TrailsContext & { nudges: number; directory: string };

/** A context whose media land in a new directory of their own, so a test can list what it left. */
export function trailsContext(overrides: Partial<TrailsContext> = {}): TestTrailsContext {
	const directory = mkdtempSync(join(tmpdir(), 'commons-trails-'));
	const context: TestTrailsContext = {
		origin: 'http://portal.test',
		mailer: { mode: 'keep', nudge: () => void (context.nudges += 1) },
		now: () => NOW,
		media: {
			storage: localStorage(directory),
			limits: { photo: 1_000_000, audio: 1_000_000, video: 2_000_000 }
		},
		nudges: 0,
		directory,
		...overrides
	};
	return context;
}

/** Every file under a directory, as the storage keys they are stored under. */
export function filesIn(directory: string): string[] {
	return readdirSync(directory, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(directory, join(entry.parentPath, entry.name)))
		.sort();
}

type Person = Awaited<ReturnType<typeof createPerson>>;
export type GroupCast = {
	slug: string;
	id: string;
	owner: Person;
	editor: Person;
	member: Person;
	outsider: Person;
};

let groups = 0;

/**
 * A group founded by its owner, with an editor and a plain member (put in directly: invitations
 * have tests of their own), and someone who belongs to none of it.
 */
export async function groupWithMembers(db: Database, name?: string): Promise<GroupCast> {
	groups += 1;
	const owner = await createPerson(db, { locale: 'en', name: `Owner ${groups}` });
	const editor = await createPerson(db, { locale: 'fr', name: `Editor ${groups}` });
	const member = await createPerson(db, { name: `Member ${groups}` });
	const outsider = await createPerson(db, { name: `Outsider ${groups}` });
	const slug = await createGroup(db, owner.actor, {
		name: name ?? `Collectif sonore ${groups}`,
		kind: 'collective'
	});
	const { id } = await groupBySlug(db, slug);
	await db.insert(groupMember).values([
		{ groupId: id, userId: editor.id, role: 'editor' },
		{ groupId: id, userId: member.id, role: 'member' }
	]);
	return { slug, id, owner, editor, member, outsider };
}

/** A stop's form as the editor posts it. */
export const stopInput = (title: string, latitude: number, longitude: number, text = '') => ({
	title,
	text,
	latitude: String(latitude),
	longitude: String(longitude),
	radiusMetres: '30'
});

/** Three stops along the Rue Saint-Malo and the Recouvrance bridge, in walking order. */
export const RECOUVRANCE = [
	stopInput('Rue Saint-Malo', 48.3836, -4.495, 'La plus vieille rue de Brest.'),
	stopInput('Tour Tanguy', 48.3826, -4.4941, 'Le musée du vieux Brest.'),
	stopInput('Pont de Recouvrance', 48.3839, -4.4925, 'Le pont levant.')
];

export const RECOUVRANCE_PATH = '48.3836, -4.4950\n48.3826, -4.4941\n48.3839, -4.4925';

/**
 * A project of the group and a trail in it, drawn and with the given stops, made by the group's
 * editor. Returns the addresses and the stops' ids in order.
 */
export async function trailWithStops(
	db: Database,
	cast: GroupCast,
	options: { title?: string; projectSlug?: string; stops?: ReturnType<typeof stopInput>[] } = {}
) {
	const title = options.title ?? 'Sons de Recouvrance';
	const projectSlug =
		options.projectSlug ??
		(await createProject(db, cast.editor.actor, cast.slug, {
			title: `Projet ${title}`,
			summary: 'Des voix du quartier.',
			themes: ['sound', 'maritime'],
			licence: 'cc-by-sa-4.0'
		}));
	const trailSlug = await createTrail(db, cast.editor.actor, projectSlug, { title });
	await updateTrail(db, cast.editor.actor, trailSlug, {
		title,
		summary: 'Une heure à pied.',
		accessibility: 'Pavés, une montée.',
		path: RECOUVRANCE_PATH
	});
	const stops: string[] = [];
	for (const stop of options.stops ?? RECOUVRANCE)
		stops.push(await addStop(db, cast.editor.actor, trailSlug, stop));
	return { projectSlug, trailSlug, stops };
}

/** Rows in every table groups and trails write: a refusal must leave them all as they were. */
export async function trailsRowCounts(db: Database) {
	const tables = {
		group,
		groupMember,
		groupInvitation,
		project,
		projectMedia,
		trail,
		trailStop,
		trailStopMedia,
		mailOutbox,
		auditEvent
	};
	const counts: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		const [row] = await db.select({ n: count() }).from(table);
		counts[name] = row?.n ?? 0;
	}
	return counts;
}

/** What `action` put in the outbox. */
export async function mailsDuring(db: Database, action: () => Promise<unknown>) {
	const before = (await db.select({ id: mailOutbox.id }).from(mailOutbox)).map((row) => row.id);
	await action();
	const query = db.select().from(mailOutbox);
	return before.length === 0 ? query : query.where(notInArray(mailOutbox.id, before));
}

const bytesOf = (text: string) => [...text].map((character) => character.charCodeAt(0));
const u16le = (value: number) => [value & 255, (value >>> 8) & 255];
const u32le = (value: number) => [...u16le(value & 0xffff), ...u16le(value >>> 16)];

/** An IFD entry, little-endian: tag, type, count, then the value or its offset. */
const entry = (tag: number, type: number, values: number, value: number[]) => [
	...u16le(tag),
	...u16le(type),
	...u32le(values),
	...value,
	...new Array(4 - value.length).fill(0)
];
const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;
const rationals = (...values: [number, number][]) =>
	values.flatMap(([top, bottom]) => [...u32le(top), ...u32le(bottom)]);

/**
 * A JPEG carrying EXIF as a phone writes it: the first directory points to a GPS directory with
 * the latitude and longitude of the Tour Tanguy (48° 22′ 57″ N, 4° 29′ 39″ W).
 */
export function jpegWithGps(jpeg: Uint8Array): Uint8Array {
	// TIFF header (8) + IFD0 with 1 entry (2 + 12 + 4) = 26: the GPS directory starts there.
	const gpsAt = 26;
	// GPS directory: 4 entries (2 + 48 + 4) = 54; its rationals follow.
	const latitudeAt = gpsAt + 54;
	const longitudeAt = latitudeAt + 24;
	const tiff = [
		...bytesOf('II*\0'),
		...u32le(8),
		...u16le(1),
		...entry(0x8825, LONG, 1, u32le(gpsAt)),
		...u32le(0),
		...u16le(4),
		...entry(0x0001, ASCII, 2, bytesOf('N\0')),
		...entry(0x0002, RATIONAL, 3, u32le(latitudeAt)),
		...entry(0x0003, ASCII, 2, bytesOf('W\0')),
		...entry(0x0004, RATIONAL, 3, u32le(longitudeAt)),
		...u32le(0),
		...rationals([48, 1], [22, 1], [57, 1]),
		...rationals([4, 1], [29, 1], [39, 1])
	];
	const payload = [...bytesOf('Exif\0\0'), ...tiff];
	const length = payload.length + 2;
	return new Uint8Array([
		...jpeg.subarray(0, 2),
		0xff,
		0xe1,
		(length >>> 8) & 255,
		length & 255,
		...payload,
		...jpeg.subarray(2)
	]);
}

/** The first bytes of a Linux executable, whatever name it was uploaded under. */
export const ELF = new Uint8Array([
	0x7f,
	0x45,
	0x4c,
	0x46,
	2,
	1,
	1,
	0,
	...new Array(8).fill(0),
	2,
	0,
	0x3e,
	0,
	...new Array(200).fill(0x90)
]);

/**
 * A moderator's publish form for a trail: its version and, when its project goes public with it,
 * the project's version as the review page shows it.
 */
export async function withProjectVersion<T extends object>(db: Database, trailSlug: string, form: T) {
	const [row] = await db
		.select({ version: project.version })
		.from(trail)
		.innerJoin(project, eq(project.id, trail.projectId))
		.where(eq(trail.slug, trailSlug));
	return { ...form, projectVersion: row?.version };
}
