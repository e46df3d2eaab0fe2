import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { longText } from '../text-fields';

const version = z.coerce
	.number({ error: () => m.moderation_version_changed() })
	.int()
	.min(1);

export const publishSchema = z.object({ version });

export const commentSchema = z.object({
	version: version.optional(),
	comment: longText({ max: 4000, required: () => m.moderation_comment_required() })
});
