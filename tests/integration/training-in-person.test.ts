import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, moduleCompletion } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotSignedIn, TrainingRequired } from '../../src/lib/server/errors';
import { recordInPersonTraining } from '../../src/lib/server/learning/record-in-person';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

for (const backend of backends()) {
	describe(`training recorded at the desk on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
		});
		afterAll(() => database.close());

		it('counts like the quiz: the resident may then book the camera that requires it', async () => {
			const resident = await createPerson(database.db, { email: 'gwen.le-gall@example.test', name: 'Gwen' });
			const camera = {
				equipment: 'sony-fx30-kit',
				site: 'capucins',
				start: paris('2026-11-25', '10:00'),
				end: paris('2026-11-25', '17:00')
			};
			const context = lendingContext();
			expect(await refusal(createBooking(database.db, resident.actor, camera, context))).toBeInstanceOf(
				TrainingRequired
			);
			const recorded = await recordInPersonTraining(database.db, desk.actor, {
				// As typed on a phone: capitals, and the space the keyboard adds.
				email: 'Gwen.Le-Gall@EXAMPLE.test ',
				module: 'camera-basics'
			});
			expect(recorded).toMatchObject({ person: 'Gwen', alreadyCompleted: false });
			const [completion] = await database.db
				.select()
				.from(moduleCompletion)
				.where(eq(moduleCompletion.userId, resident.id));
			expect(completion).toMatchObject({ method: 'in_person', recordedBy: desk.id });
			const audits = await database.db
				.select()
				.from(auditEvent)
				.where(
					and(eq(auditEvent.subjectId, resident.id), eq(auditEvent.action, 'training.record_in_person'))
				);
			expect(audits.map((event) => event.actorId)).toEqual([desk.id]);
			// Accepted, to be approved by the desk as this camera always is.
			expect((await createBooking(database.db, resident.actor, camera, context)).status).toBe('requested');

			const again = await recordInPersonTraining(database.db, desk.actor, {
				email: resident.email,
				module: 'camera-basics'
			});
			expect(again.alreadyCompleted).toBe(true);
		});

		it('explains an unknown address or training, and is for desk staff and admins only', async () => {
			const unknown = await refusal(
				recordInPersonTraining(database.db, desk.actor, {
					email: 'nobody@example.test',
					module: 'camera-basics'
				})
			);
			expect((unknown as InvalidInput).issues.map((issue) => issue.path)).toEqual(['email']);
			const resident = await createPerson(database.db);
			const badModule = await refusal(
				recordInPersonTraining(database.db, desk.actor, { email: resident.email, module: 'welding' })
			);
			expect((badModule as InvalidInput).issues.map((issue) => issue.path)).toEqual(['module']);
			expect(
				await refusal(
					recordInPersonTraining(database.db, null, { email: resident.email, module: 'camera-basics' })
				)
			).toBeInstanceOf(NotSignedIn);
			for (const roles of [[], ['moderator', 'reviewer']] as const) {
				const someone = await createPerson(database.db, { roles: [...roles] });
				expect(
					await refusal(
						recordInPersonTraining(database.db, someone.actor, {
							email: resident.email,
							module: 'camera-basics'
						})
					)
				).toBeInstanceOf(Forbidden);
			}
			expect(
				await database.db.select().from(moduleCompletion).where(eq(moduleCompletion.userId, resident.id))
			).toEqual([]);
		});
	});
}
