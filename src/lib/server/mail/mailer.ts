import type { Logger } from 'pino';
import type { Database } from '../db/client';
import { startMailDispatcher } from './dispatcher';
import { queueMail, type DeliveryMode, type OutgoingMail } from './outbox';
import { smtpTransport, type MailTransport } from './transport';

export type Mailer = {
	mode: DeliveryMode;
	/** Puts the message in the outbox and, with SMTP, delivers it now. */
	send: (mail: OutgoingMail) => Promise<string>;
	/** Says that mail was queued inside a transaction that has now committed. */
	nudge: () => void;
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
		return { mode: 'keep', send: (mail) => queueMail(db, 'keep', mail), nudge: () => {}, stop: () => {} };
	}
	const dispatcher = startMailDispatcher(db, transport, log);
	return {
		mode: 'smtp',
		async send(mail) {
			const id = await queueMail(db, 'smtp', mail);
			dispatcher.nudge();
			return id;
		},
		nudge: dispatcher.nudge,
		stop: dispatcher.stop
	};
}
