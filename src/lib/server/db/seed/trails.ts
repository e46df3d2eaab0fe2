import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../client';
import { group, groupMember, project, projectMedia, trail, trailStop, trailStopMedia, user } from '../schema';
import { localStorage, type MediaStorage } from '../../media/storage';
import { refreshPublicMedia } from '../../trails/public-media';
import { projectSnapshot, trailSnapshot } from '../../trails/snapshot';
import { DEMO_TRAIL_GROUP, demoClips, demoTrails } from './trail-media/clips';

/** Where the demo's audio clips are read from and put: the portal's own storage when it serves them. */
export type DemoMedia = { storage: MediaStorage; sourceDir: string };

export const DEMO_MEDIA_SOURCE = 'src/lib/server/db/seed/trail-media';

// A seed run for tests only needs the rows; its files go to a directory of their own.
const throwawayMedia = (): DemoMedia => ({
	storage: localStorage(mkdtempSync(join(tmpdir(), 'commons-demo-media-'))),
	sourceDir: DEMO_MEDIA_SOURCE
});

const demoGroups = [
	{
		slug: 'recouvrance-sonore',
		name: DEMO_TRAIL_GROUP,
		kind: 'association' as const,
		description:
			'Association de quartier qui enregistre les voix, les bruits et les histoires de Recouvrance, et les partage en balades sonores.',
		owner: 'camille@example.org',
		members: [{ email: 'yann@example.org', role: 'editor' as const }]
	},
	{
		slug: 'penn-ar-bed-logiciels-libres',
		name: 'Penn ar Bed Logiciels Libres',
		kind: 'business' as const,
		description: 'Entreprise brestoise de services en logiciels libres.',
		owner: 'ewen@example.org',
		members: []
	}
];

async function seedGroups(db: Database) {
	const people = new Map(
		(await db.select({ id: user.id, email: user.email }).from(user)).map((row) => [row.email, row.id])
	);
	for (const demo of demoGroups) {
		const [created] = await db
			.insert(group)
			.values({ slug: demo.slug, name: demo.name, kind: demo.kind, description: demo.description })
			.onConflictDoNothing({ target: group.slug })
			.returning({ id: group.id });
		if (!created) continue;
		const owner = people.get(demo.owner);
		if (owner) await db.insert(groupMember).values({ groupId: created.id, userId: owner, role: 'owner' });
		for (const member of demo.members) {
			const userId = people.get(member.email);
			if (userId) await db.insert(groupMember).values({ groupId: created.id, userId, role: member.role });
		}
	}
}

/** The sound walks of Recouvrance: one published, one waiting for the moderators. */
export async function seedTrails(db: Database, media: DemoMedia = throwawayMedia()) {
	await seedGroups(db);
	const [owner] = await db.select({ id: group.id }).from(group).where(eq(group.slug, 'recouvrance-sonore'));
	const taken = await db
		.select({ slug: trail.slug })
		.from(trail)
		.where(
			inArray(
				trail.slug,
				demoTrails.map((demo) => demo.slug)
			)
		);
	if (!owner || taken.length > 0) return;
	const [voices] = await db
		.insert(project)
		.values({
			slug: 'voix-de-recouvrance',
			groupId: owner.id,
			title: 'Voix de Recouvrance',
			summary: 'Les habitantes et habitants de Recouvrance racontent leur quartier, rue par rue.',
			description:
				'**Voix de Recouvrance** rassemble des récits et des sons du quartier, enregistrés avec le matériel prêté par la ville.\n\nChaque balade s’écoute sur place, téléphone en main, ou depuis chez soi.',
			themes: ['sound', 'heritage', 'memory'],
			credits: 'Voix de synthèse (espeak-ng) pour la démonstration ; textes de l’association.',
			licence: 'cc-by-sa-4.0'
		})
		.returning();
	if (!voices) throw new Error('seed: project insert returned nothing');
	for (const demo of demoTrails) {
		const [created] = await db
			.insert(trail)
			.values({
				slug: demo.slug,
				projectId: voices.id,
				title: demo.title.fr,
				summary: demo.summary.fr,
				accessibility: demo.accessibilityNotes.fr,
				path: demo.path
			})
			.returning();
		if (!created) throw new Error('seed: trail insert returned nothing');
		for (const clip of demoClips
			.filter((item) => item.trail === demo.slug)
			.sort((a, b) => a.order - b.order)) {
			const [stop] = await db
				.insert(trailStop)
				.values({
					trailId: created.id,
					position: clip.order,
					title: clip.stopTitle.fr,
					text: clip.stopText.fr,
					longitude: clip.position[0],
					latitude: clip.position[1],
					radiusMetres: 30
				})
				.returning({ id: trailStop.id });
			const bytes = new Uint8Array(await readFile(join(media.sourceDir, clip.file)));
			const key = await media.storage.put(`projects/${voices.id}`, bytes, 'mp3');
			const [item] = await db
				.insert(projectMedia)
				.values({
					projectId: voices.id,
					key,
					kind: 'audio',
					mime: 'audio/mpeg',
					bytes: bytes.length,
					durationSeconds: clip.durationSeconds,
					title: clip.stopTitle.fr,
					author: DEMO_TRAIL_GROUP,
					licence: 'cc0-1.0',
					language: clip.language,
					transcript: clip.transcript
				})
				.returning({ id: projectMedia.id });
			if (!stop || !item) throw new Error('seed: stop insert returned nothing');
			await db.insert(trailStopMedia).values({ stopId: stop.id, mediaId: item.id, position: 1 });
		}
		if (demo.status === 'published') {
			const snapshot = await trailSnapshot(db, created);
			await db
				.update(trail)
				.set({ published: snapshot, status: 'published', publishedAt: new Date(), submittedAt: new Date() })
				.where(eq(trail.id, created.id));
		} else {
			await db
				.update(trail)
				.set({ status: 'submitted', submittedAt: new Date() })
				.where(eq(trail.id, created.id));
		}
	}
	await db
		.update(project)
		.set({ published: await projectSnapshot(db, voices), status: 'published', publishedAt: new Date() })
		.where(eq(project.id, voices.id));
	await refreshPublicMedia(db, voices.id);
}
