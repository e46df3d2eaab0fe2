import type { Database } from '../db/client';
import type { Logger } from 'pino';
import { claimDueMail, markFailed, markSent } from './outbox';
import type { MailTransport } from './transport';

/** Sends what is due, one batch; returns how many were sent. */
export async function deliverDueMail(db: Database, transport: MailTransport, log?: Logger) {
	const batch = await claimDueMail(db, 20);
	let sent = 0;
	for (const message of batch) {
		try {
			await transport.send({ to: message.recipient, subject: message.subject, text: message.text });
			await markSent(db, message);
			sent += 1;
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			log?.warn({ mailId: message.id, attempts: message.attempts, reason }, 'mail delivery failed');
			await markFailed(db, message.id, message.attempts, reason);
		}
	}
	return sent;
}

/**
 * Delivers on a timer and whenever `nudge()` is called after something was queued. Several
 * instances may run one each; the outbox lease keeps them from sending twice.
 */
export function startMailDispatcher(db: Database, transport: MailTransport, log: Logger, everyMs = 30_000) {
	let running: Promise<void> | null = null;
	let again = false;
	const run = () => {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			try {
				do {
					again = false;
					while ((await deliverDueMail(db, transport, log)) > 0);
				} while (again);
			} catch (error) {
				log.error({ err: error }, 'mail dispatcher failed');
			} finally {
				running = null;
			}
		})();
		return running;
	};
	const timer = setInterval(run, everyMs);
	timer.unref();
	return {
		nudge: () => void run(),
		stop: () => {
			clearInterval(timer);
			transport.close();
		}
	};
}
