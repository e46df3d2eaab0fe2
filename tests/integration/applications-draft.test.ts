import { readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { application, applicationAttachment } from '../../src/lib/server/db/schema';
import { InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import {
	attachFile,
	readAttachment,
	removeAttachment
} from '../../src/lib/server/institutes/applications/attachments';
import { saveDraft, StaleDraft } from '../../src/lib/server/institutes/applications/save-draft';
import {
	programmeToApply,
	startApplication
} from '../../src/lib/server/institutes/applications/start-application';
import { backends, type TestDatabase } from './database';
import {
	applicationRow,
	completeValues,
	ELF,
	institutesContext,
	NOW,
	openProgramme,
	PDF
} from './applications-fixtures';
import { createPerson } from './people';
import { refusal } from './refusal';
import { filesIn } from './trails';

type Person = Awaited<ReturnType<typeof createPerson>>;

for (const backend of backends()) {
	describe(`writing a draft on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = institutesContext(2_000);
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		async function draftOf(person?: Person) {
			const applicant = person ?? (await createPerson(database.db));
			const call = await openProgramme(database.db);
			const id = await startApplication(database.db, context, applicant.actor, {
				programme: call.slug,
				applicant: 'self'
			});
			return { applicant, id };
		}
		const save = (actor: Person['actor'] | null, id: string, input: Record<string, unknown>) =>
			saveDraft(database.db, context, actor, id, { revision: 1, title: '', values: {}, ...input }, 'fr');

		it('keeps each accepted save as a new revision, and refuses a stale one with the newer copy, changing nothing', async () => {
			const { applicant, id } = await draftOf();
			const first = await save(applicant.actor, id, { title: 'Mémoires du port', values: completeValues });
			expect(first.revision).toBe(2);
			const row = await applicationRow(database.db, id);
			expect(row.answers).toEqual({
				summary: completeValues.summary,
				budget: '150050',
				medium: 'sound',
				media: ['sound', 'image'],
				website: completeValues.website
			});
			// The same words again are not a new revision: a second device stays in step.
			expect(
				(await save(applicant.actor, id, { revision: 2, title: 'Mémoires du port', values: completeValues }))
					.revision
			).toBe(2);
			// Words already saved, sent again from the copy before (a lost answer): no conflict.
			expect(
				(await save(applicant.actor, id, { revision: 1, title: 'Mémoires du port', values: completeValues }))
					.revision
			).toBe(2);
			const stale = await refusal(
				save(applicant.actor, id, { revision: 1, title: 'Autre titre', values: { summary: 'Écrasé ?' } })
			);
			expect(stale).toBeInstanceOf(StaleDraft);
			expect((stale as StaleDraft).server).toEqual({
				revision: 2,
				title: 'Mémoires du port',
				values: { ...completeValues, budget: '1500,50' }
			});
			expect(await applicationRow(database.db, id)).toEqual(row);
		});

		it('checks each answer’s shape and length, not whether it is there, and keeps nothing of a refused save', async () => {
			const { applicant, id } = await draftOf();
			await save(applicant.actor, id, { title: 'Brouillon', values: { people: '12' } });
			const bad = {
				people: 'douze',
				budget: '12,345',
				start: '2026-02-30',
				medium: 'smell',
				media: ['sound', 'taste'],
				website: 'javascript:alert(1)',
				name: 'x'.repeat(301)
			};
			const refused = await refusal(save(applicant.actor, id, { revision: 2, values: bad }));
			expect(refused).toBeInstanceOf(InvalidInput);
			expect((refused as InvalidInput).issues.map((issue) => issue.path).sort()).toEqual(
				[
					'answer.budget',
					'answer.media',
					'answer.medium',
					'answer.name',
					'answer.people',
					'answer.start',
					'answer.website'
				].sort()
			);
			expect(await applicationRow(database.db, id)).toMatchObject({
				revision: 2,
				title: 'Brouillon',
				answers: { people: '12' }
			});
			expect(await refusal(save(applicant.actor, id, { revision: 2, title: 'a\u0000b' }))).toBeInstanceOf(
				InvalidInput
			);
			const fine = await save(applicant.actor, id, {
				revision: 2,
				values: { people: '3,5', start: '2027-01-15', budget: '€ 2 000', unknown: 'ignored' },
				publishFields: ['summary', 'budget'],
				publishName: true
			});
			expect(await applicationRow(database.db, id)).toMatchObject({
				revision: fine.revision,
				answers: { people: '3.5', start: '2027-01-15', budget: '200000' },
				publishedFields: ['summary'],
				publishName: true
			});
		});

		it('keeps a PDF privately and refuses an executable or an oversized file, leaving no file behind', async () => {
			const { applicant, id } = await draftOf();
			const attach = (bytes: Uint8Array, field = 'evidence') =>
				attachFile(database.db, context, applicant.actor, id, { field, name: '../../statuts.pdf', bytes });
			const kept = await attach(PDF);
			const files = filesIn(context.directory);
			expect(files).toHaveLength(1);
			expect(files[0]).toMatch(new RegExp(`^applications/${id}/[0-9a-f-]{36}\\.pdf$`));
			expect((await applicationRow(database.db, id)).answers).toEqual({ evidence: [kept] });
			expect(await readAttachment(database.db, context, applicant.actor, kept)).toMatchObject({
				name: 'statuts.pdf',
				mime: 'application/pdf'
			});
			const stranger = await createPerson(database.db);
			expect(await refusal(readAttachment(database.db, context, stranger.actor, kept))).toBeInstanceOf(
				NotFound
			);
			expect(await refusal(readAttachment(database.db, context, null, kept))).toBeInstanceOf(NotSignedIn);
			// Reviewers never read a draft; once it is sent to them, they do.
			const reviewer = await createPerson(database.db, { roles: ['reviewer'] });
			expect(await refusal(readAttachment(database.db, context, reviewer.actor, kept))).toBeInstanceOf(
				NotFound
			);
			await database.db
				.update(application)
				.set({ status: 'submitted', submittedAt: NOW })
				.where(eq(application.id, id));
			expect((await readAttachment(database.db, context, reviewer.actor, kept)).bytes).toEqual(PDF);
			await database.db
				.update(application)
				.set({ status: 'draft', submittedAt: null })
				.where(eq(application.id, id));

			const tooLarge = new Uint8Array(2_001);
			tooLarge.set(PDF);
			for (const bytes of [ELF, tooLarge, new Uint8Array()])
				expect(await refusal(attach(bytes))).toMatchObject({ issues: [{ path: 'answer.evidence' }] });
			expect(await refusal(attach(PDF, 'summary'))).toBeInstanceOf(InvalidInput);
			expect(filesIn(context.directory)).toEqual(files);
			expect(
				await database.db
					.select()
					.from(applicationAttachment)
					.where(eq(applicationAttachment.applicationId, id))
			).toHaveLength(1);

			// A save from the form never drops the files, which are attached apart.
			await save(applicant.actor, id, { values: { summary: 'Avec pièce jointe' } });
			expect((await applicationRow(database.db, id)).answers).toEqual({
				summary: 'Avec pièce jointe',
				evidence: [kept]
			});
			expect(await refusal(removeAttachment(database.db, context, stranger.actor, id, kept))).toBeInstanceOf(
				NotFound
			);
			await removeAttachment(database.db, context, applicant.actor, id, kept);
			expect((await applicationRow(database.db, id)).answers).toEqual({ summary: 'Avec pièce jointe' });
			expect(
				readdirSync(context.directory, { recursive: true }).filter((name) => String(name).endsWith('.pdf'))
			).toEqual([]);
		});

		it('lets nobody else read or write the draft', async () => {
			const { id } = await draftOf();
			const stranger = await createPerson(database.db);
			expect(await refusal(save(null, id, {}))).toBeInstanceOf(NotSignedIn);
			expect(await refusal(save(stranger.actor, id, {}))).toBeInstanceOf(NotFound);
			expect(await refusal(save(stranger.actor, 'not-an-id', {}))).toBeInstanceOf(NotFound);
			expect(
				await refusal(
					attachFile(database.db, context, stranger.actor, id, {
						field: 'evidence',
						name: 'a.pdf',
						bytes: PDF
					})
				)
			).toBeInstanceOf(NotFound);
			expect(
				await refusal(
					attachFile(database.db, context, null, id, { field: 'evidence', name: 'a.pdf', bytes: PDF })
				)
			).toBeInstanceOf(NotSignedIn);
			const anyId = crypto.randomUUID();
			expect(await refusal(removeAttachment(database.db, context, null, id, anyId))).toBeInstanceOf(
				NotSignedIn
			);
			expect(await refusal(removeAttachment(database.db, context, stranger.actor, id, anyId))).toBeInstanceOf(
				NotFound
			);
			expect(await refusal(programmeToApply(database.db, context, null, 'programme-1'))).toBeInstanceOf(
				NotSignedIn
			);
			expect(filesIn(context.directory).filter((key) => key.includes(id))).toEqual([]);
			expect((await applicationRow(database.db, id)).revision).toBe(1);
		});
	});
}
