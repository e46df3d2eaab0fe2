import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { InvalidInput } from '../errors';
import { parseInput } from '../forms';
import { storeFile } from '../media/stored-photo';
import { lineText } from '../text-fields';
import { projectFor, touchProject } from './access';
import type { TrailsContext } from './context';
import { project, projectMedia } from './trails.table';
import { dropUnusedMedia } from './remove-stop-media';
import { checkedFile } from './upload-media';

const coverSchema = z.object({
	description: lineText({ max: 300, required: () => m.project_cover_description_required() }),
	author: lineText({ max: 160, required: () => m.media_author_required() })
});

/** Sets a project's cover photo (its location removed), with the description people who cannot see it hear. */
export async function setProjectCover(
	db: Database,
	context: TrailsContext,
	actor: Actor | null,
	slug: string,
	input: { file?: Uint8Array; fields: unknown }
) {
	const found = await projectFor(db, actor, slug, 'groups.edit-content');
	const details = parseInput(coverSchema, input.fields);
	const file = checkedFile(context, input.file);
	if (file.type.kind !== 'photo')
		throw new InvalidInput([{ path: 'file', message: m.project_cover_not_photo() }]);
	const replaced = await storeFile(
		context.media.storage,
		`projects/${found.project.id}`,
		file.bytes,
		file.type.extension,
		(key) =>
			db.transaction(async (tx) => {
				const locked = await projectFor(tx, actor, slug, 'groups.edit-content', true);
				const [created] = await tx
					.insert(projectMedia)
					.values({
						projectId: locked.project.id,
						key,
						kind: 'photo',
						mime: file.type.mime,
						bytes: file.bytes.length,
						title: locked.project.title,
						author: details.author,
						licence: locked.project.licence,
						transcript: details.description,
						uploadedBy: actor?.userId ?? null
					})
					.returning({ id: projectMedia.id });
				if (!created) throw new Error('cover insert returned nothing');
				await tx.update(project).set({ coverMediaId: created.id }).where(eq(project.id, locked.project.id));
				await touchProject(tx, locked.project.id);
				return locked.project.coverMediaId ? dropUnusedMedia(tx, locked.project.coverMediaId) : null;
			})
	);
	// Only once the row is gone for good: a rolled-back change must still find its file.
	if (replaced) await context.media.storage.remove(replaced);
}
