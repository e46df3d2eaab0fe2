import type { Logger } from 'pino';
import type { Database } from '../db/client';
import { startMailDispatcher } from './dispatcher';
import { queueMail, type DeliveryMode, type OutgoingMail } from './outbox';
import { smtpTransport, type MailTransport } from './transport';

export type Mailer = {
	mode: DeliveryMode;
	/** Queue inside a transaction; call `nudge()` once it has committed. */
	queue: (db: Database, mail: OutgoingMail) => Promise<string>;
	nudge: () => void;
	/** Queue outside any transaction and deliver now. */
	send: (mail: OutgoingMail) => Promise<string>;
	stop: () => void;
};

export function createMailer(
	db: Database,
	settings: { smtpUrl?: string; mailFrom: string; transport?: MailTransport },
	log: Logger
): Mailer {
	const transport =
		settings.transport ?? (settings.smtpUrl ? smtpTransport(settings.smtpUrl, settings.mailFrom) : null);
	if (!transport) {
		return {
			mode: 'keep',
			queue: (tx, mail) => queueMail(tx, 'keep', mail),
			nudge: () => {},
			send: (mail) => queueMail(db, 'keep', mail),
			stop: () => {}
		};
	}
	const dispatcher = startMailDispatcher(db, transport, log);
	return {
		mode: 'smtp',
		queue: (tx, mail) => queueMail(tx, 'smtp', mail),
		nudge: dispatcher.nudge,
		async send(mail) {
			const id = await queueMail(db, 'smtp', mail);
			dispatcher.nudge();
			return id;
		},
		stop: dispatcher.stop
	};
}
