import type { CommunityContext } from '../groups/context';
import type { MediaStorage } from '../media/storage';

/** The largest file accepted per kind, in bytes: from configuration. */
export type MediaLimits = { photo: number; audio: number; video: number };

export type TrailsContext = CommunityContext & {
	media: { storage: MediaStorage; limits: MediaLimits };
};
