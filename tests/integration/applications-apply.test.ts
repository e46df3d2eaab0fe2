import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { application, programme } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { listMyApplications } from '../../src/lib/server/institutes/applications/my-applications';
import {
	applicantChoices,
	startApplication
} from '../../src/lib/server/institutes/applications/start-application';
import { backends, type TestDatabase } from './database';
import {
	applicationRow,
	DAY,
	everyKind,
	institutesContext,
	newFormVersion,
	NOW,
	openProgramme
} from './applications-fixtures';
import { createPerson } from './people';
import { refusal } from './refusal';
import { groupWithMembers } from './trails';

for (const backend of backends()) {
	describe(`starting an application on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = institutesContext();
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('starts one draft per applicant on the current form, and finds it again on a second start', async () => {
			const db = database.db;
			const call = await openProgramme(db);
			const second = await newFormVersion(db, call.id, 2, everyKind.slice(0, 3));
			const person = await createPerson(db);
			const id = await startApplication(db, context, person.actor, {
				programme: call.slug,
				applicant: 'self'
			});
			const row = await applicationRow(db, id);
			expect(row).toMatchObject({
				status: 'draft',
				userId: person.id,
				groupId: null,
				formId: second?.id,
				revision: 1
			});
			expect(
				await startApplication(db, context, person.actor, { programme: call.slug, applicant: 'self' })
			).toBe(id);
			const started = await Promise.all(
				[1, 2, 3].map(() =>
					startApplication(db, context, person.actor, { programme: call.slug, applicant: 'self' })
				)
			);
			expect(new Set(started)).toEqual(new Set([id]));
			expect(await db.select().from(application).where(eq(application.programmeId, call.id))).toHaveLength(1);
			expect((await listMyApplications(db, person.actor)).map((item) => item.id)).toEqual([id]);
		});

		it('lets a group’s owner and editors apply for it, once, and refuses plain members and outsiders', async () => {
			const db = database.db;
			const call = await openProgramme(db);
			const cast = await groupWithMembers(db);
			const asGroup = { programme: call.slug, applicant: cast.id };
			const byOwner = await startApplication(db, context, cast.owner.actor, asGroup);
			expect(await applicationRow(db, byOwner)).toMatchObject({ groupId: cast.id, userId: cast.owner.id });
			expect(await startApplication(db, context, cast.editor.actor, asGroup)).toBe(byOwner);
			for (const person of [cast.member, cast.outsider])
				expect(await refusal(startApplication(db, context, person.actor, asGroup))).toBeInstanceOf(Forbidden);
			expect((await applicantChoices(db, cast.editor.actor)).map((item) => item.id)).toEqual([cast.id]);
			expect(await applicantChoices(db, cast.member.actor)).toEqual([]);
			// The editor applying as themselves is another applicant: a draft of their own.
			const own = await startApplication(db, context, cast.editor.actor, {
				programme: call.slug,
				applicant: 'self'
			});
			expect(own).not.toBe(byOwner);
			expect((await listMyApplications(db, cast.editor.actor)).map((item) => item.id).sort()).toEqual(
				[byOwner, own].sort()
			);
			expect(await listMyApplications(db, cast.member.actor)).toEqual([]);
		});

		it('takes new drafts only for published programmes open now', async () => {
			const db = database.db;
			const person = await createPerson(db);
			const closed = await openProgramme(db, { closesIn: -DAY });
			const start = (slug: string) =>
				startApplication(db, context, person.actor, { programme: slug, applicant: 'self' });
			expect(await refusal(start(closed.slug))).toMatchObject({ code: 'programme_closed' });
			const future = await openProgramme(db);
			await db
				.update(programme)
				.set({ opensAt: new Date(NOW.getTime() + DAY) })
				.where(eq(programme.id, future.id));
			expect(await refusal(start(future.slug))).toBeInstanceOf(Refused);
			const hidden = await openProgramme(db);
			await db.update(programme).set({ publishedAt: null }).where(eq(programme.id, hidden.id));
			expect(await refusal(start(hidden.slug))).toBeInstanceOf(NotFound);
			expect(await refusal(start('no-such-call'))).toBeInstanceOf(NotFound);
			expect(await refusal(start('bad\u0000slug'))).toBeInstanceOf(NotFound);
			const open = await openProgramme(db, { closesIn: null });
			expect(await start(open.slug)).toMatch(/^[0-9a-f-]{36}$/);
		});

		it('refuses the signed out and malformed choices', async () => {
			const db = database.db;
			const call = await openProgramme(db);
			const person = await createPerson(db);
			expect(
				await refusal(startApplication(db, context, null, { programme: call.slug, applicant: 'self' }))
			).toBeInstanceOf(NotSignedIn);
			expect(await refusal(listMyApplications(db, null))).toBeInstanceOf(NotSignedIn);
			expect(await refusal(applicantChoices(db, null))).toBeInstanceOf(NotSignedIn);
			expect(
				await refusal(
					startApplication(db, context, person.actor, { programme: call.slug, applicant: 'someone' })
				)
			).toBeInstanceOf(InvalidInput);
			expect(
				await refusal(
					startApplication(db, context, person.actor, {
						programme: call.slug,
						applicant: crypto.randomUUID()
					})
				)
			).toBeInstanceOf(Forbidden);
			expect(await db.select().from(application).where(eq(application.programmeId, call.id))).toEqual([]);
		});
	});
}
