import type { Mailer } from '../mail/mailer';

/** What group and trail use cases need besides the database: addresses, mail and the clock. */
export type CommunityContext = {
	origin: string;
	mailer: Pick<Mailer, 'mode' | 'nudge'>;
	now: () => Date;
};
