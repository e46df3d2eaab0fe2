import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	applicationStatuses,
	nextStatus,
	type ApplicationStatus
} from '../../src/lib/institutes/transitions';
import { application, applicationEvent, mailOutbox } from '../../src/lib/server/db/schema';
import { InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { moveAsApplicant } from '../../src/lib/server/institutes/applications/applicant-moves';
import {
	addProgressReport,
	getApplicationPage
} from '../../src/lib/server/institutes/applications/application-page';
import { saveDraft } from '../../src/lib/server/institutes/applications/save-draft';
import { startApplication } from '../../src/lib/server/institutes/applications/start-application';
import { backends, type TestDatabase } from './database';
import {
	applicationRow,
	completeValues,
	DAY,
	institutesContext,
	NOW,
	openProgramme
} from './applications-fixtures';
import { createPerson } from './people';
import { refusal } from './refusal';
import { groupWithMembers, mailsDuring } from './trails';

type Person = Awaited<ReturnType<typeof createPerson>>;
const moves = ['submit', 'resubmit', 'withdraw'] as const;

/** The columns each status needs besides itself (the table's checks hold them together). */
const columnsOf = (status: ApplicationStatus) => ({
	status,
	submittedAt: ['draft', 'withdrawn'].includes(status) ? null : NOW,
	decidedAt: ['accepted', 'rejected'].includes(status) ? NOW : null,
	decisionLetter: ['accepted', 'rejected'].includes(status) ? 'Lettre' : null,
	withdrawnAt: status === 'withdrawn' ? NOW : null
});

for (const backend of backends()) {
	describe(`submitting and withdrawing on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = institutesContext();
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		async function completeDraft(options: { closesIn?: number; person?: Person } = {}) {
			const applicant = options.person ?? (await createPerson(database.db, { locale: 'en' }));
			const call = await openProgramme(database.db, { closesIn: options.closesIn, decisionDays: 45 });
			const id = await startApplication(database.db, context, applicant.actor, {
				programme: call.slug,
				applicant: 'self'
			});
			await saveDraft(
				database.db,
				context,
				applicant.actor,
				id,
				{ revision: 1, title: 'Voix du port', values: completeValues },
				'fr'
			);
			return { applicant, id, call };
		}

		it('names every missing answer and the title, and sends nothing', async () => {
			const applicant = await createPerson(database.db);
			const call = await openProgramme(database.db);
			const id = await startApplication(database.db, context, applicant.actor, {
				programme: call.slug,
				applicant: 'self'
			});
			const refused = await refusal(
				moveAsApplicant(database.db, context, applicant.actor, id, 'submit', 'fr')
			);
			expect(refused).toBeInstanceOf(InvalidInput);
			expect((refused as InvalidInput).issues).toEqual([
				{ path: 'title', message: 'Donnez un titre à votre candidature.' },
				{ path: 'answer.summary', message: 'Répondez à « Résumé ».' },
				{ path: 'answer.budget', message: 'Répondez à « Budget ».' }
			]);
			expect(await applicationRow(database.db, id)).toMatchObject({ status: 'draft', submittedAt: null });
		});

		it('submits before the deadline with the expected decision date and one receipt in the applicant’s language', async () => {
			const { applicant, id } = await completeDraft();
			const mails = await mailsDuring(database.db, () =>
				moveAsApplicant(database.db, context, applicant.actor, id, 'submit', 'fr')
			);
			expect(await applicationRow(database.db, id)).toMatchObject({
				status: 'submitted',
				submittedAt: NOW,
				expectedDecisionAt: new Date(NOW.getTime() + 45 * DAY)
			});
			expect(mails).toHaveLength(1);
			expect(mails[0]).toMatchObject({ recipient: applicant.email, kind: 'application_submit' });
			expect(mails[0]?.subject).toMatch(/^Application received: Call \d+$/);
			expect(mails[0]?.text).toContain(`http://portal.test/my/applications/${id}`);
			const page = await getApplicationPage(database.db, context, applicant.actor, id);
			expect(page.events.map((event) => event.kind)).toEqual(['start', 'submit']);
			expect(page.editable).toBe(false);
		});

		it('refuses a submission after the closing date, even from a form opened before it', async () => {
			const { applicant, id } = await completeDraft({ closesIn: DAY });
			context.clock.now = new Date(NOW.getTime() + DAY);
			try {
				const refused = await refusal(
					moveAsApplicant(database.db, context, applicant.actor, id, 'submit', 'fr')
				);
				expect(refused).toMatchObject({ code: 'deadline_passed' });
				expect(await applicationRow(database.db, id)).toMatchObject({ status: 'draft', submittedAt: null });
				expect(
					await database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, applicant.email))
				).toEqual([]);
				// Corrections asked for by reviewers are welcome after the closing date.
				await database.db
					.update(application)
					.set(columnsOf('changes_requested'))
					.where(eq(application.id, id));
				await moveAsApplicant(database.db, context, applicant.actor, id, 'resubmit', 'fr');
				expect((await applicationRow(database.db, id)).status).toBe('resubmitted');
			} finally {
				context.clock.now = NOW;
			}
		});

		it('allows each applicant move exactly from the statuses the state machine lists', async () => {
			const applicant = await createPerson(database.db);
			for (const move of moves)
				for (const from of applicationStatuses) {
					const { id } = await completeDraft({ person: applicant });
					await database.db.update(application).set(columnsOf(from)).where(eq(application.id, id));
					const expected = nextStatus(move, from);
					const attempt = moveAsApplicant(database.db, context, applicant.actor, id, move, 'fr');
					if (expected) {
						await attempt;
						const row = await applicationRow(database.db, id);
						expect(row.status, `${move} from ${from}`).toBe(expected);
						if (move === 'withdraw') expect(row.withdrawnAt).toEqual(NOW);
						const events = await database.db
							.select()
							.from(applicationEvent)
							.where(eq(applicationEvent.applicationId, id));
						expect(events.map((event) => event.kind)).toEqual(['start', move]);
					} else {
						expect(await refusal(attempt), `${move} from ${from}`).toMatchObject({
							code: 'transition_not_allowed'
						});
						expect((await applicationRow(database.db, id)).status).toBe(from);
					}
					// Leave no open application behind, so the next draft for this person is new.
					await database.db.update(application).set(columnsOf('withdrawn')).where(eq(application.id, id));
				}
		});

		it('lets only the applicant or their group’s owner and editors move it', async () => {
			const cast = await groupWithMembers(database.db);
			const call = await openProgramme(database.db);
			const id = await startApplication(database.db, context, cast.owner.actor, {
				programme: call.slug,
				applicant: cast.id
			});
			for (const person of [cast.member, cast.outsider])
				for (const move of moves)
					expect(
						await refusal(moveAsApplicant(database.db, context, person.actor, id, move, 'fr'))
					).toBeInstanceOf(NotFound);
			expect(await refusal(moveAsApplicant(database.db, context, null, id, 'withdraw', 'fr'))).toBeInstanceOf(
				NotSignedIn
			);
			expect(await refusal(getApplicationPage(database.db, context, cast.member.actor, id))).toBeInstanceOf(
				NotFound
			);
			expect(await refusal(getApplicationPage(database.db, context, null, id))).toBeInstanceOf(NotSignedIn);
			expect((await applicationRow(database.db, id)).status).toBe('draft');
			await moveAsApplicant(database.db, context, cast.editor.actor, id, 'withdraw', 'fr');
			expect((await applicationRow(database.db, id)).status).toBe('withdrawn');
		});

		it('takes progress reports on an accepted application only, from its applicant', async () => {
			const { applicant, id } = await completeDraft();
			const report = (actor: Person['actor'] | null) =>
				addProgressReport(database.db, context, actor, id, {
					text: 'Les premiers entretiens sont enregistrés.'
				});
			expect(await refusal(report(applicant.actor))).toMatchObject({ code: 'not_accepted' });
			await database.db.update(application).set(columnsOf('accepted')).where(eq(application.id, id));
			const stranger = await createPerson(database.db);
			expect(await refusal(report(stranger.actor))).toBeInstanceOf(NotFound);
			expect(await refusal(report(null))).toBeInstanceOf(NotSignedIn);
			expect(
				await refusal(addProgressReport(database.db, context, applicant.actor, id, { text: ' ' }))
			).toBeInstanceOf(InvalidInput);
			await report(applicant.actor);
			const page = await getApplicationPage(database.db, context, applicant.actor, id);
			expect(page.reports.map((item) => item.text)).toEqual(['Les premiers entretiens sont enregistrés.']);
		});
	});
}
