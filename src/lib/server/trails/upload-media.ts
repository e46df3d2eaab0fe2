import { and, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { InvalidInput, NotFound } from '../errors';
import { parseInput } from '../forms';
import { isUuid } from '../ids';
import { durationSecondsOf } from '../media/duration';
import { mediaTypeOf, type MediaType } from '../media/media-type';
import { acceptPhoto } from '../media/photo';
import { storeFile } from '../media/stored-photo';
import { touchTrail, trailFor } from './access';
import type { TrailsContext } from './context';
import { mediaSchema } from './media-schemas';
import { projectMedia, trailStop, trailStopMedia } from './trails.table';

const refused = (message: string) => new InvalidInput([{ path: 'file', message }]);
const megabytes = (bytes: number) => Math.round(bytes / 1_000_000);

/** The file's kind from its content, within the size allowed for that kind. */
export function checkedFile(
	context: TrailsContext,
	file: Uint8Array | undefined
): { bytes: Uint8Array; type: MediaType } {
	if (!file || file.length === 0) throw refused(m.media_file_required());
	const type = mediaTypeOf(file);
	if (!type) throw refused(m.media_type_refused());
	const limit = context.media.limits[type.kind];
	if (file.length > limit) throw refused(m.media_too_large({ megabytes: megabytes(limit) }));
	if (type.kind !== 'photo') return { bytes: file, type };
	// Photos lose their location and other metadata before they are kept. One too damaged for that
	// is refused under the file field, where the upload form shows what went wrong.
	try {
		return { bytes: acceptPhoto(file, limit).bytes, type };
	} catch (problem) {
		if (problem instanceof InvalidInput) throw refused(problem.issues[0]?.message ?? m.media_type_refused());
		throw problem;
	}
}

/**
 * Uploads a file to a stop of a trail: its kind is read from its content, photos lose their
 * location, audio and video need a transcript. Returns the media item's id.
 */
export async function addStopMedia(
	db: Database,
	context: TrailsContext,
	actor: Actor | null,
	trailSlug: string,
	stopId: string,
	input: { file?: Uint8Array; fields: unknown }
): Promise<string> {
	const found = await trailFor(db, actor, trailSlug, 'groups.edit-content');
	if (!isUuid(stopId)) throw new NotFound(m.stop_not_found());
	const details = parseInput(mediaSchema, input.fields);
	const file = checkedFile(context, input.file);
	if (file.type.kind !== 'photo' && details.transcript === '')
		throw new InvalidInput([{ path: 'transcript', message: m.media_transcript_required() }]);
	const projectId = found.project.id;
	return storeFile(context.media.storage, `projects/${projectId}`, file.bytes, file.type.extension, (key) =>
		db.transaction(async (tx) => {
			const locked = await trailFor(tx, actor, trailSlug, 'groups.edit-content', true);
			const [stop] = await tx
				.select({ id: trailStop.id })
				.from(trailStop)
				.where(and(eq(trailStop.id, stopId), eq(trailStop.trailId, locked.trail.id)));
			if (!stop) throw new NotFound(m.stop_not_found());
			const [created] = await tx
				.insert(projectMedia)
				.values({
					projectId,
					key,
					kind: file.type.kind,
					mime: file.type.mime,
					bytes: file.bytes.length,
					durationSeconds: file.type.kind === 'photo' ? null : durationSecondsOf(file.bytes, file.type),
					title: details.title,
					author: details.author,
					licence: details.licence ?? locked.project.licence,
					language: details.language,
					// A photo's transcript is its description for people who cannot see it.
					transcript: details.transcript || null,
					uploadedBy: actor?.userId ?? null
				})
				.returning({ id: projectMedia.id });
			if (!created) throw new Error('media insert returned nothing');
			await tx.insert(trailStopMedia).values({
				stopId,
				mediaId: created.id,
				position: sql`(select coalesce(max(position), 0) + 1 from trail_stop_media where stop_id = ${stopId})`
			});
			await touchTrail(tx, locked.trail.id);
			return created.id;
		})
	);
}
