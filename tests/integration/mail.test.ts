import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../src/lib/server/mail/dispatcher';
import { createMailer } from '../../src/lib/server/mail/mailer';
import { MAX_ATTEMPTS, pruneOutbox, readOutbox } from '../../src/lib/server/mail/outbox';
import { smtpTransport } from '../../src/lib/server/mail/transport';
import { auditEvent, mailOutbox } from '../../src/lib/server/db/schema';
import { Forbidden, NotSignedIn } from '../../src/lib/server/errors';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';

type Received = { from: string; to: string[]; data: string };

/** A real SMTP server on a random local port that records what it is given. */
async function startSmtp(options: { refuse?: boolean } = {}) {
	const received: Received[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (options.refuse) callback(new Error('550 mailbox unavailable'));
			else callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
					data: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

const quiet = pino({ level: 'silent' });
const waitFor = async (check: () => Promise<boolean>, ms = 5000) => {
	const until = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > until) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
};

for (const backend of backends()) {
	describe(`mail on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('keeps messages in the outbox when no SMTP server is configured', async () => {
			const mailer = createMailer(database.db, { mailFrom: 'portail@brest.test' }, quiet);
			const id = await mailer.send({ to: 'a@example.test', subject: 'Bonjour', text: 'Corps', kind: 'test' });
			const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
			expect(row).toMatchObject({ status: 'kept', attempts: 0, sentAt: null });
		});

		it('sends through a real SMTP server and marks the message sent', async () => {
			const smtp = await startSmtp();
			const mailer = createMailer(
				database.db,
				{ smtpUrl: smtp.url, mailFrom: 'Portail <portail@brest.test>' },
				quiet
			);
			try {
				const id = await mailer.send({
					to: 'camille@example.test',
					subject: 'Votre lien de connexion – Brest',
					text: 'Bonjour Camille, voici le lien : https://communs.example/l',
					kind: 'test'
				});
				await waitFor(async () => {
					const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
					return row?.status === 'sent';
				});
				expect(smtp.received).toHaveLength(1);
				const [message] = smtp.received;
				expect(message?.from).toBe('portail@brest.test');
				expect(message?.to).toEqual(['camille@example.test']);
				expect(message?.data).toContain('Subject: =?UTF-8?');
				expect(message?.data).toContain('https://communs.example/l');
			} finally {
				mailer.stop();
				await smtp.close();
			}
		});

		it('keeps no copy of a sign-in link once it has been delivered', async () => {
			const smtp = await startSmtp();
			const transport = smtpTransport(smtp.url, 'portail@brest.test');
			try {
				const [link] = await database.db
					.insert(mailOutbox)
					.values({
						recipient: 'r@example.test',
						subject: 'Lien',
						text: 'https://x/verify?token=t',
						kind: 'auth.magic-link'
					})
					.returning({ id: mailOutbox.id });
				expect(await deliverDueMail(database.db, transport)).toBe(1);
				expect(smtp.received[0]?.data).toContain('token=t');
				const [stored] = await database.db
					.select()
					.from(mailOutbox)
					.where(eq(mailOutbox.id, link?.id ?? ''));
				expect(stored).toMatchObject({ status: 'sent', text: '', subject: 'Lien' });
			} finally {
				transport.close();
				await smtp.close();
			}
		});

		it('forgets sent mail after 90 days and unsent kept mail after 30', async () => {
			const rows = await database.db
				.insert(mailOutbox)
				.values([
					{
						recipient: 'old-sent@example.test',
						subject: 's',
						text: 't',
						kind: 'test',
						status: 'sent',
						createdAt: new Date(Date.now() - 91 * 86_400_000)
					},
					{
						recipient: 'old-kept@example.test',
						subject: 's',
						text: 't',
						kind: 'test',
						status: 'kept',
						createdAt: new Date(Date.now() - 31 * 86_400_000)
					},
					{
						recipient: 'recent@example.test',
						subject: 's',
						text: 't',
						kind: 'test',
						status: 'sent',
						createdAt: new Date(Date.now() - 10 * 86_400_000)
					}
				])
				.returning({ recipient: mailOutbox.recipient });
			expect(rows).toHaveLength(3);
			await pruneOutbox(database.db);
			const left = await database.db.select({ recipient: mailOutbox.recipient }).from(mailOutbox);
			const recipients = left.map((row) => row.recipient);
			expect(recipients).toContain('recent@example.test');
			expect(recipients).not.toContain('old-sent@example.test');
			expect(recipients).not.toContain('old-kept@example.test');
		});

		it('retries a refused message later, then gives up after the last attempt', async () => {
			const smtp = await startSmtp({ refuse: true });
			const transport = smtpTransport(smtp.url, 'portail@brest.test');
			try {
				const [queued] = await database.db
					.insert(mailOutbox)
					.values({ recipient: 'nobody@example.test', subject: 's', text: 't', kind: 'test' })
					.returning({ id: mailOutbox.id });
				const id = queued?.id ?? '';
				expect(await deliverDueMail(database.db, transport)).toBe(0);
				const [afterFirst] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
				expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
				expect(afterFirst?.lastError).toMatch(/550|mailbox/);
				expect(afterFirst?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
				for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
					await database.db
						.update(mailOutbox)
						.set({ nextAttemptAt: new Date(0) })
						.where(eq(mailOutbox.id, id));
					await deliverDueMail(database.db, transport);
				}
				const [last] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
				expect(last).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
			} finally {
				transport.close();
				await smtp.close();
			}
		});

		it('shows the outbox to admins only', async () => {
			const admin = await createPerson(database.db, { roles: ['admin'] });
			const desk = await createPerson(database.db, { roles: ['desk'] });
			await expect(readOutbox(database.db, null)).rejects.toThrow(NotSignedIn);
			await expect(readOutbox(database.db, desk.actor)).rejects.toThrow(Forbidden);
			const messages = await readOutbox(database.db, admin.actor);
			expect(messages.map((message) => message.subject)).toContain('Bonjour');
			const [reading] = await database.db
				.select()
				.from(auditEvent)
				.where(eq(auditEvent.action, 'outbox.read'));
			expect(reading).toMatchObject({ actorId: admin.id, subjectType: 'mail_outbox' });
		});
	});
}
