import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccount } from '../../src/lib/server/accounts/delete-account';
import { application, applicationEvent } from '../../src/lib/server/db/schema';
import { attachFile } from '../../src/lib/server/institutes/applications/attachments';
import { startApplication } from '../../src/lib/server/institutes/applications/start-application';
import { backends, type TestDatabase } from './database';
import { applicationRow, institutesContext, NOW, openProgramme, PDF } from './applications-fixtures';
import { createPerson } from './people';

const filesUnder = (directory: string): string[] =>
	readdirSync(directory, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));

for (const backend of backends()) {
	describe(`closing an account with applications on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = institutesContext();
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('erases drafts and their files, withdraws open applications, keeps decided ones without a name', async () => {
			const db = database.db;
			const person = await createPerson(db);
			const [drafted, sent, decided] = [
				await openProgramme(db),
				await openProgramme(db),
				await openProgramme(db)
			];
			const draft = await startApplication(db, context, person.actor, {
				programme: drafted.slug,
				applicant: 'self'
			});
			await attachFile(db, context, person.actor, draft, {
				field: 'evidence',
				name: 'dossier.pdf',
				bytes: PDF
			});
			expect(filesUnder(context.directory)).toHaveLength(1);
			const open = await startApplication(db, context, person.actor, {
				programme: sent.slug,
				applicant: 'self'
			});
			await db
				.update(application)
				.set({ status: 'in_review', submittedAt: NOW })
				.where(eq(application.id, open));
			const done = await startApplication(db, context, person.actor, {
				programme: decided.slug,
				applicant: 'self'
			});
			await db
				.update(application)
				.set({ status: 'rejected', submittedAt: NOW, decidedAt: NOW, decisionLetter: 'Non retenue.' })
				.where(eq(application.id, done));

			await deleteAccount(db, person.actor, { confirmEmail: person.email }, context.attachments.storage, NOW);

			expect(await db.select().from(application).where(eq(application.id, draft))).toEqual([]);
			expect(filesUnder(context.directory)).toEqual([]);
			expect(await applicationRow(db, open)).toMatchObject({ status: 'withdrawn', userId: null });
			const events = await db.select().from(applicationEvent).where(eq(applicationEvent.applicationId, open));
			expect(events.map((event) => [event.kind, event.fromStatus, event.toStatus])).toContainEqual([
				'withdraw',
				'in_review',
				'withdrawn'
			]);
			expect(await applicationRow(db, done)).toMatchObject({ status: 'rejected', userId: null });
		});
	});
}
