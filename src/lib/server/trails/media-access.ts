import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { can, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { standingIn } from '../groups/standing';
import { isMediaKey } from '../media/storage';
import { project, projectMedia } from './trails.table';

/**
 * A project's file, if the actor may fetch it: anyone once something published shows it; before
 * that, the group's members and the moderators. To anyone else it does not exist.
 */
export async function readableProjectMedia(db: Database, actor: Actor | null, key: string) {
	// The key comes from the URL, where %00 is a NUL Postgres would refuse: not a key, not found.
	if (!isMediaKey(key)) throw new NotFound(m.media_not_found());
	const [found] = await db
		.select({
			key: projectMedia.key,
			mime: projectMedia.mime,
			public: projectMedia.public,
			groupId: project.groupId
		})
		.from(projectMedia)
		.innerJoin(project, eq(project.id, projectMedia.projectId))
		.where(eq(projectMedia.key, key));
	if (!found) throw new NotFound(m.media_not_found());
	if (found.public) return { key: found.key, mime: found.mime, visibility: 'public' as const };
	if (!can(actor, 'groups.read-drafts', await standingIn(db, found.groupId, actor)))
		throw new NotFound(m.media_not_found());
	return { key: found.key, mime: found.mime, visibility: 'private' as const };
}
