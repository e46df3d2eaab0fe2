import type { CommunityContext } from '../groups/context';
import type { MediaStorage } from '../media/storage';

/** What institute use cases need besides the database: addresses, mail, the clock, attachments. */
export type InstitutesContext = CommunityContext & {
	attachments: { storage: MediaStorage; maxBytes: number };
};
