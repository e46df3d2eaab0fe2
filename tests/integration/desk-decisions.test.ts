import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, booking, bookingUnit, mailOutbox } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { approveRequest, rejectRequest } from '../../src/lib/server/lending/desk/decide';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

for (const backend of backends()) {
	describe(`the desk deciding requests on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = lendingContext();
		let day = 0;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		/** A Bose request (it needs approval) by a new resident, on a weekday of its own. */
		async function request() {
			const person = await createPerson(database.db, { locale: 'en' });
			day += 1;
			const date = `2026-12-0${day}`;
			const created = await createBooking(
				database.db,
				person.actor,
				{
					equipment: 'bose-s1-pro',
					site: 'capucins',
					start: paris(date, '14:00'),
					end: paris(date, '16:00')
				},
				context
			);
			expect(created.status).toBe('requested');
			return { person, id: created.id };
		}

		const statusOf = async (id: string) =>
			(await database.db.select({ status: booking.status }).from(booking).where(eq(booking.id, id)))[0]
				?.status;
		const mailsTo = (email: string) =>
			database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
		const auditOf = (id: string) => database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, id));

		it('lets desk staff approve a request: confirmed, mailed in English, logged with who decided', async () => {
			const desk = await createPerson(database.db, { roles: ['desk'] });
			const { person, id } = await request();
			await approveRequest(database.db, desk.actor, { bookingId: id }, context);
			expect(await statusOf(id)).toBe('confirmed');
			const mails = await mailsTo(person.email);
			expect(mails.map((mail) => mail.kind)).toEqual(['booking.requested', 'booking.approved']);
			expect(mails[1]?.subject).toMatch(/approved/i);
			const [logged] = await auditOf(id);
			expect(logged).toMatchObject({
				actorId: desk.id,
				action: 'booking.approve',
				before: { status: 'requested' },
				after: { status: 'confirmed' }
			});
		});

		it('rejects with the reason, which the resident receives, and frees the unit', async () => {
			const admin = await createPerson(database.db, { roles: ['admin'] });
			const { person, id } = await request();
			await rejectRequest(
				database.db,
				admin.actor,
				{ bookingId: id, reason: '  The speaker is booked for the city festival.  ' },
				context
			);
			expect(await statusOf(id)).toBe('rejected');
			const [mail] = (await mailsTo(person.email)).filter((found) => found.kind === 'booking.rejected');
			expect(mail?.text).toContain('The speaker is booked for the city festival.');
			const [hold] = await database.db.select().from(bookingUnit).where(eq(bookingUnit.bookingId, id));
			expect(hold?.active).toBe(false);
			const [logged] = await auditOf(id);
			expect(logged?.after).toEqual({
				status: 'rejected',
				decisionReason: 'The speaker is booked for the city festival.'
			});
		});

		it('refuses visitors, residents and other staff, and changes nothing', async () => {
			const { person, id } = await request();
			const moderator = await createPerson(database.db, { roles: ['moderator', 'reviewer'] });
			for (const actor of [null, person.actor, moderator.actor]) {
				const problem = await refusal(approveRequest(database.db, actor, { bookingId: id }, context));
				expect(problem).toBeInstanceOf(actor ? Forbidden : NotSignedIn);
				const rejected = await refusal(
					rejectRequest(database.db, actor, { bookingId: id, reason: 'No way' }, context)
				);
				expect(rejected).toBeInstanceOf(actor ? Forbidden : NotSignedIn);
			}
			expect(await statusOf(id)).toBe('requested');
			expect(await auditOf(id)).toEqual([]);
		});

		it('once its period is over, a request can be rejected but no longer approved', async () => {
			const desk = await createPerson(database.db, { roles: ['desk'] });
			const { id } = await request();
			const afterwards = lendingContext({ now: () => new Date(paris('2026-12-31', '12:00')) });
			const late = await refusal(approveRequest(database.db, desk.actor, { bookingId: id }, afterwards));
			expect((late as Refused).code).toBe('request_expired');
			expect(await statusOf(id)).toBe('requested');
			expect((await auditOf(id)).map((event) => event.action)).toEqual([]);
			await rejectRequest(database.db, desk.actor, { bookingId: id, reason: 'Période passée' }, afterwards);
			expect(await statusOf(id)).toBe('rejected');
		});

		it('asks for a reason, refuses what is not a pending request, and writes nothing then', async () => {
			const desk = await createPerson(database.db, { roles: ['desk'] });
			const { person, id } = await request();
			for (const reason of [undefined, '', '  ', 'x'.repeat(1001)]) {
				const problem = await refusal(
					rejectRequest(database.db, desk.actor, { bookingId: id, reason }, context)
				);
				expect(problem).toBeInstanceOf(InvalidInput);
			}
			expect(
				await refusal(approveRequest(database.db, desk.actor, { bookingId: 'nope' }, context))
			).toBeInstanceOf(InvalidInput);
			expect(
				await refusal(
					approveRequest(
						database.db,
						desk.actor,
						{ bookingId: '00000000-0000-4000-8000-000000000000' },
						context
					)
				)
			).toBeInstanceOf(NotFound);
			await approveRequest(database.db, desk.actor, { bookingId: id }, context);
			const again = await refusal(
				rejectRequest(database.db, desk.actor, { bookingId: id, reason: 'Too late' }, context)
			);
			expect(again).toBeInstanceOf(Refused);
			expect((again as Refused).status).toBe(409);
			expect(await statusOf(id)).toBe('confirmed');
			expect((await mailsTo(person.email)).map((mail) => mail.kind)).toEqual([
				'booking.requested',
				'booking.approved'
			]);
			const logged = await database.db
				.select()
				.from(auditEvent)
				.where(and(eq(auditEvent.subjectId, id), eq(auditEvent.action, 'booking.reject')));
			expect(logged).toEqual([]);
		});
	});
}
