import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	applicationStatuses,
	nextStatus,
	type ApplicationStatus
} from '../../src/lib/institutes/transitions';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { application, applicationEvent, reviewAssignment, userRole } from '../../src/lib/server/db/schema';
import { Forbidden, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import {
	acceptApplication,
	rejectApplication,
	requestApplicationChanges,
	startApplicationReview
} from '../../src/lib/server/institutes/review/decide';
import { backends, type TestDatabase } from './database';
import { applicationIn, institutesContext, programmeWithForm } from './institutes';
import { createPerson } from './people';
import { refusal } from './refusal';
import { groupWithMembers, type GroupCast } from './trails';

// Every reviewer transition from every status, tried by everyone: only a reviewer without conflict
// moves an application, and only where the state machine allows it.

const context = institutesContext();
const moves = {
	start_review: (db: TestDatabase['db'], actor: Actor | null, id: string) =>
		startApplicationReview(db, context, actor, id),
	request_changes: (db: TestDatabase['db'], actor: Actor | null, id: string) =>
		requestApplicationChanges(db, context, actor, id, { message: 'Précisez le calendrier.' }),
	accept: (db: TestDatabase['db'], actor: Actor | null, id: string) =>
		acceptApplication(db, context, actor, id, { letter: 'Bravo.', amount: '' }),
	reject: (db: TestDatabase['db'], actor: Actor | null, id: string) =>
		rejectApplication(db, context, actor, id, { letter: 'Hors du périmètre.' })
} as const;
type Move = keyof typeof moves;

for (const backend of backends()) {
	describe(`reviewer transitions on ${backend.name}`, () => {
		let database: TestDatabase;
		let cast: GroupCast;
		let actors: Record<string, Actor | null>;
		let clean: Actor;
		let declaredConflict: Actor;
		beforeAll(async () => {
			database = await backend.fresh();
			const db = database.db;
			cast = await groupWithMembers(db, 'Collectif candidat');
			// A plain member of the applicant group who is also a reviewer.
			await db.insert(userRole).values({ userId: cast.member.id, role: 'reviewer' });
			declaredConflict = (await createPerson(db, { roles: ['reviewer'] })).actor;
			clean = (await createPerson(db, { roles: ['reviewer'] })).actor;
			actors = {
				'signed out': null,
				resident: (await createPerson(db)).actor,
				'desk and moderator': (await createPerson(db, { roles: ['desk', 'moderator'] })).actor,
				'a reviewer in the applicant group': {
					userId: cast.member.id,
					roles: new Set(['resident', 'reviewer'])
				},
				'a reviewer who declared a conflict': declaredConflict
			};
		});
		afterAll(() => database.close());

		const stateOf = async (id: string) => {
			const [row] = await database.db.select().from(application).where(eq(application.id, id));
			const [events] = await database.db
				.select({ n: count() })
				.from(applicationEvent)
				.where(eq(applicationEvent.applicationId, id));
			return { status: row?.status, decidedAt: row?.decidedAt, events: events?.n };
		};

		const cases = (Object.keys(moves) as Move[]).flatMap((move) =>
			applicationStatuses.map((status) => [move, status] as [Move, ApplicationStatus])
		);

		it.each(cases)('%s from %s', async (move, status) => {
			const call = await programmeWithForm(database.db);
			const subject = await applicationIn(database.db, call, status, {
				userId: cast.owner.id,
				groupId: cast.id
			});
			await database.db.insert(reviewAssignment).values({
				applicationId: subject.id,
				reviewerId: declaredConflict.userId,
				conflictDeclaredAt: new Date(),
				conflictNote: 'Je travaille avec ce collectif.'
			});
			const before = await stateOf(subject.id);
			for (const [who, actor] of Object.entries(actors)) {
				const problem = await refusal(moves[move](database.db, actor, subject.id));
				if (actor === null) expect(problem, who).toBeInstanceOf(NotSignedIn);
				else if (status === 'draft')
					expect(problem, `${who}: drafts are private`).toSatisfy(
						(error) => error instanceof NotFound || error instanceof Forbidden
					);
				else expect(problem, who).toBeInstanceOf(Forbidden);
				expect(await stateOf(subject.id), `${who} changed nothing`).toEqual(before);
			}
			const to = nextStatus(move, status);
			if (status === 'draft') {
				expect(await refusal(moves[move](database.db, clean, subject.id))).toBeInstanceOf(NotFound);
				expect(await stateOf(subject.id)).toEqual(before);
			} else if (to === null) {
				const problem = await refusal(moves[move](database.db, clean, subject.id));
				expect(problem).toBeInstanceOf(Refused);
				expect(problem).toMatchObject({ code: 'transition_not_allowed' });
				expect(await stateOf(subject.id)).toEqual(before);
			} else {
				await moves[move](database.db, clean, subject.id);
				const after = await stateOf(subject.id);
				expect(after.status).toBe(to);
				expect(after.events).toBe((before.events ?? 0) + 1);
				expect(after.decidedAt !== null).toBe(to === 'accepted' || to === 'rejected');
			}
		});

		it('allows exactly the moves of the state machine', () => {
			const allowed = cases.filter(([move, status]) => nextStatus(move, status) !== null);
			expect(allowed.map(([move, status]) => `${move} ${status}`).sort()).toEqual([
				'accept in_review',
				'accept resubmitted',
				'reject in_review',
				'reject resubmitted',
				'request_changes in_review',
				'request_changes resubmitted',
				'start_review submitted'
			]);
		});
	});
}
