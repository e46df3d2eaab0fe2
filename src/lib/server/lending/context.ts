import type { Mailer } from '../mail/mailer';
import type { PhotoStore } from '../media/stored-photo';

/** What lending use cases need besides the database: the city's clock and rules, and the mail. */
export type LendingContext = {
	timeZone: string;
	activeBookingLimit: number;
	origin: string;
	mailer: Pick<Mailer, 'mode' | 'nudge'>;
	now: () => Date;
	/** Called once units have been given back (a cancellation): someone may be waiting for them. */
	unitsReleased: () => void;
	/** Where photos taken at the desk are kept. */
	media: PhotoStore;
};
