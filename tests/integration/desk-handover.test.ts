import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	auditEvent,
	booking,
	bookingHandover,
	bookingUnit,
	equipmentModel,
	equipmentUnit,
	mailOutbox,
	site
} from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { handOut } from '../../src/lib/server/lending/desk/hand-out';
import { takeBack } from '../../src/lib/server/lending/desk/take-back';
import { updateUnit } from '../../src/lib/server/lending/inventory/units';
import { backends, type TestDatabase } from './database';
import { lendingContext, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

for (const backend of backends()) {
	describe(`hand-out and return at the desk on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = lendingContext();
		let desk: Awaited<ReturnType<typeof createPerson>>;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'], name: 'Yann Desk' });
		});
		afterAll(() => database.close());

		async function book(equipment: string, date: string, from = '14:00', to = '17:00') {
			const person = await createPerson(database.db);
			const made = await createBooking(
				database.db,
				person.actor,
				{ equipment, site: 'capucins', start: paris(date, from), end: paris(date, to) },
				context
			);
			return { person, id: made.id };
		}
		const heldTags = async (id: string) =>
			(
				await database.db
					.select({ tag: equipmentUnit.assetTag })
					.from(bookingUnit)
					.innerJoin(equipmentUnit, eq(equipmentUnit.id, bookingUnit.unitId))
					.where(eq(bookingUnit.bookingId, id))
			).map((row) => row.tag);
		const unitOf = async (tag: string) =>
			(await database.db.select().from(equipmentUnit).where(eq(equipmentUnit.assetTag, tag)))[0];
		const zoomTagsAtCapucins = async () =>
			(
				await database.db
					.select({ tag: equipmentUnit.assetTag })
					.from(equipmentUnit)
					.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
					.innerJoin(site, eq(site.id, equipmentUnit.siteId))
					.where(and(eq(equipmentModel.slug, 'zoom-h5'), eq(site.slug, 'capucins')))
					.orderBy(equipmentUnit.assetTag)
			).map((row) => row.tag);

		it('hands out today’s pick-up, swapping the unit not on the shelf, and logs the condition', async () => {
			const { id } = await book('zoom-h5', '2026-11-21');
			const [held] = await heldTags(id);
			const other = (await zoomTagsAtCapucins()).find((tag) => tag !== held) ?? '';
			const heldUnit = await unitOf(held ?? '');
			await handOut(
				database.db,
				desk.actor,
				{
					bookingId: id,
					condition: 'Rayure sur le capot',
					handedOut: { [heldUnit?.id ?? '']: other.toLowerCase() }
				},
				context
			);
			expect(await heldTags(id)).toEqual([other]);
			const [row] = await database.db.select().from(booking).where(eq(booking.id, id));
			expect(row?.status).toBe('checked_out');
			const [handover] = await database.db
				.select()
				.from(bookingHandover)
				.where(eq(bookingHandover.bookingId, id));
			expect(handover).toMatchObject({
				kind: 'check_out',
				condition: 'Rayure sur le capot',
				staffId: desk.id
			});
			const [logged] = await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, id));
			expect(logged).toMatchObject({ action: 'booking.hand_out', actorId: desk.id });
			expect(logged?.after).toMatchObject({ units: [other] });
		});

		it('refuses unknown tags, other models, other days and what is not confirmed, changing nothing', async () => {
			const { id } = await book('zoom-h5', '2026-11-21', '15:00', '17:00');
			const [held] = await heldTags(id);
			const heldId = (await unitOf(held ?? ''))?.id ?? '';
			const unknown = await refusal(
				handOut(database.db, desk.actor, { bookingId: id, handedOut: { [heldId]: 'NOPE-1' } }, context)
			);
			expect((unknown as Refused).status).toBe(400);
			const tripod = (
				await database.db
					.select({ tag: equipmentUnit.assetTag })
					.from(equipmentUnit)
					.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
					.where(eq(equipmentModel.slug, 'manfrotto-tripod'))
			)[0]?.tag;
			const otherModel = await refusal(
				handOut(database.db, desk.actor, { bookingId: id, handedOut: { [heldId]: tripod ?? '' } }, context)
			);
			expect((otherModel as Refused).code).toBe('other_model');
			const later = await book('zoom-h5', '2026-12-01');
			expect(
				((await refusal(handOut(database.db, desk.actor, { bookingId: later.id }, context))) as Refused).code
			).toBe('too_early');
			const request = await book('bose-s1-pro', '2026-11-21');
			expect(
				((await refusal(handOut(database.db, desk.actor, { bookingId: request.id }, context))) as Refused)
					.code
			).toBe('not_approved');
			expect(await heldTags(id)).toEqual([held]);
			const handovers = await database.db
				.select()
				.from(bookingHandover)
				.where(eq(bookingHandover.bookingId, id));
			expect(handovers).toEqual([]);
		});

		it('takes back a damaged unit: out of service, its next booking moved or flagged and told', async () => {
			const tags = await zoomTagsAtCapucins();
			const { id } = await book('zoom-h5', '2026-11-21', '12:30', '13:00');
			await handOut(database.db, desk.actor, { bookingId: id }, context);
			const [damagedTag] = await heldTags(id);
			// Every Capucins Zoom booked on 1 December, so the damaged one's booking cannot move.
			const later = [];
			for (let index = 0; index < tags.length; index += 1)
				later.push(await book('zoom-h5', '2026-12-01', '10:00', '12:00'));
			const victim = (
				await Promise.all(later.map(async (made) => ({ ...made, tags: await heldTags(made.id) })))
			).find((made) => made.tags.includes(damagedTag ?? ''));
			const damaged = await unitOf(damagedTag ?? '');
			await takeBack(
				database.db,
				desk.actor,
				{ bookingId: id, condition: 'Écran fêlé', damaged: damaged?.id },
				context
			);
			expect((await unitOf(damagedTag ?? ''))?.status).toBe('out_of_service');
			const [returned] = await database.db.select().from(booking).where(eq(booking.id, id));
			expect(returned?.status).toBe('returned');
			const [flagged] = await database.db
				.select()
				.from(booking)
				.where(eq(booking.id, victim?.id ?? ''));
			expect(flagged?.flagReason).toBe('unit_out_of_service');
			const mails = await database.db
				.select()
				.from(mailOutbox)
				.where(eq(mailOutbox.recipient, victim?.person.email ?? ''));
			expect(mails.map((mail) => mail.kind)).toContain('booking.unit_withdrawn');

			// On the day, the flagged booking cannot leave with the broken unit.
			const december = lendingContext({ now: () => new Date(paris('2026-12-01', '09:30')) });
			const stuck = await refusal(handOut(database.db, desk.actor, { bookingId: victim?.id }, december));
			expect((stuck as Refused).code).toBe('held_out_of_service');
			// Repaired and back in service: the flag is lifted and the loan goes out.
			await updateUnit(
				database.db,
				desk.actor,
				{ id: damaged?.id, site: 'capucins', status: 'in_service', notes: 'Écran changé' },
				context
			);
			const [settled] = await database.db
				.select()
				.from(booking)
				.where(eq(booking.id, victim?.id ?? ''));
			expect(settled).toMatchObject({ flaggedAt: null, flagReason: null });
			await handOut(database.db, desk.actor, { bookingId: victim?.id }, december);
			const actionsOn = async (subject: string) =>
				(await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, subject)))
					.map((event) => event.action)
					.sort();
			expect(await actionsOn(id)).toEqual(['booking.hand_out', 'booking.take_back']);
			expect(await actionsOn(damaged?.id ?? '')).toEqual(['unit.out_of_service', 'unit.update']);
			expect(await actionsOn(victim?.id ?? '')).toEqual([
				'booking.flag',
				'booking.hand_out',
				'booking.unflag'
			]);
		});

		it('leaves a unit retired while out on loan retired when it comes back damaged', async () => {
			const { id } = await book('manfrotto-tripod', '2026-11-21', '13:00', '14:00');
			await handOut(database.db, desk.actor, { bookingId: id }, context);
			const [tag] = await heldTags(id);
			const unit = await unitOf(tag ?? '');
			await updateUnit(
				database.db,
				desk.actor,
				{
					id: unit?.id,
					site: 'capucins',
					status: 'retired',
					serialNumber: unit?.serialNumber ?? '',
					notes: unit?.notes ?? ''
				},
				context
			);
			await takeBack(database.db, desk.actor, { bookingId: id, damaged: unit?.id }, context);
			expect((await unitOf(tag ?? ''))?.status).toBe('retired');
			const statuses = (
				await database.db
					.select()
					.from(auditEvent)
					.where(eq(auditEvent.subjectId, unit?.id ?? ''))
			).map((event) => event.action);
			expect(statuses).toEqual(['unit.retire']);
		});

		it('is for desk staff and admins only', async () => {
			const { id, person } = await book('manfrotto-tripod', '2026-11-21', '16:00', '17:00');
			const moderator = await createPerson(database.db, { roles: ['moderator'] });
			for (const actor of [null, person.actor, moderator.actor]) {
				const problem = await refusal(handOut(database.db, actor, { bookingId: id }, context));
				expect(problem).toBeInstanceOf(actor ? Forbidden : NotSignedIn);
				const back = await refusal(takeBack(database.db, actor, { bookingId: id }, context));
				expect(back).toBeInstanceOf(actor ? Forbidden : NotSignedIn);
			}
			const [row] = await database.db.select().from(booking).where(eq(booking.id, id));
			expect(row?.status).toBe('confirmed');
		});
	});
}
