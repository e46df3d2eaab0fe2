import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { longText } from '../text-fields';

const version = z.coerce
	.number({ error: () => m.moderation_version_changed() })
	.int()
	.min(1);

// A trail whose project was never published takes the project with it: the moderator then names
// the project's version too, so that both are the versions they read.
export const publishSchema = z.object({ version, projectVersion: version.optional() });

export const commentSchema = z.object({
	version: version.optional(),
	comment: longText({ max: 4000, required: () => m.moderation_comment_required() })
});
