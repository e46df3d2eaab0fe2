import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/lib/server/audit/list';
import { auditEvent, booking, bookingHandover, bookingUnit } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { findBookingToOpen, openDeskBooking } from '../../src/lib/server/lending/desk/booking';
import { handOut } from '../../src/lib/server/lending/desk/hand-out';
import { readHandoverPhoto } from '../../src/lib/server/lending/desk/handover-photo';
import { recordNoShow } from '../../src/lib/server/lending/desk/no-show';
import { takeBack } from '../../src/lib/server/lending/desk/take-back';
import { backends, type TestDatabase } from './database';
import { lendingContext, mediaDirectory, paris } from './lending';
import { createPerson } from './people';
import { refusal } from './refusal';

/** A tiny JPEG-shaped file: SOI, an EXIF APP1 segment holding a "GPS" marker, a comment, the scan. */
function jpegWithLocation(): Uint8Array {
	const exif = [...'Exif\0\0GPS 48.39N 4.49W'].map((c) => c.charCodeAt(0));
	const comment = [...'kept'].map((c) => c.charCodeAt(0));
	return new Uint8Array([
		0xff,
		0xd8,
		0xff,
		0xe1,
		0x00,
		exif.length + 2,
		...exif,
		0xff,
		0xfe,
		0x00,
		comment.length + 2,
		...comment,
		0xff,
		0xda,
		0x00,
		0x02,
		0x11,
		0x22,
		0xff,
		0xd9
	]);
}

const handovers = join(mediaDirectory, 'handovers');

for (const backend of backends()) {
	describe(`a booking at the desk on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = lendingContext();
		let desk: Awaited<ReturnType<typeof createPerson>>;
		let admin: Awaited<ReturnType<typeof createPerson>>;
		let resident: Awaited<ReturnType<typeof createPerson>>;
		let moderator: Awaited<ReturnType<typeof createPerson>>;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'], name: 'Maëlle Desk' });
			admin = await createPerson(database.db, { roles: ['admin'] });
			resident = await createPerson(database.db);
			moderator = await createPerson(database.db, { roles: ['moderator', 'reviewer'] });
		});
		afterAll(() => database.close());

		/** Booked early in the morning, so that the desk can act on it at noon, when it has started. */
		const morning = lendingContext({ now: () => new Date(paris('2026-11-21', '08:00')) });
		async function book(equipment: string, date: string, from = '14:00', to = '17:00') {
			const person = await createPerson(database.db);
			return createBooking(
				database.db,
				person.actor,
				{ equipment, site: 'capucins', start: paris(date, from), end: paris(date, to) },
				morning
			);
		}

		it('opens a booking for desk and admin only, with what can be done now and the spares', async () => {
			const made = await book('zoom-h5', '2026-11-21');
			expect(await refusal(openDeskBooking(database.db, null, made.id, context))).toBeInstanceOf(NotSignedIn);
			for (const who of [resident, moderator]) {
				expect(await refusal(openDeskBooking(database.db, who.actor, made.id, context))).toBeInstanceOf(
					Forbidden
				);
			}
			const opened = await openDeskBooking(database.db, desk.actor, made.id, context);
			expect(opened.booking.code).toBe(made.code);
			expect(opened.actions).toEqual({ decide: false, handOut: true, noShow: false, takeBack: false });
			const held = opened.booking.units[0]?.assetTag;
			// Capucins has three Zoom H5: the two the booking does not hold are free all afternoon.
			const capucinsZooms = ['BRE-ZH5-CAP-01', 'BRE-ZH5-CAP-02', 'BRE-ZH5-CAP-03'];
			expect(opened.spares.map((spare) => spare.assetTag)).toEqual(
				capucinsZooms.filter((tag) => tag !== held)
			);
			// Once another booking holds one of them over the same hours, it is no longer offered.
			const overlapping = await book('zoom-h5', '2026-11-21', '15:00', '16:00');
			const taken = (await openDeskBooking(database.db, desk.actor, overlapping.id, context)).booking.units[0]
				?.assetTag;
			const after = await openDeskBooking(database.db, desk.actor, made.id, context);
			expect(after.spares.map((spare) => spare.assetTag)).toEqual(
				capucinsZooms.filter((tag) => tag !== held && tag !== taken)
			);
			// Its resident cancels: the Zoom is free for the later tests again.
			await database.db.update(booking).set({ status: 'cancelled' }).where(eq(booking.id, overlapping.id));
			expect((await openDeskBooking(database.db, admin.actor, made.id, context)).booking.id).toBe(made.id);
			expect(await refusal(openDeskBooking(database.db, desk.actor, 'not-an-id', context))).toBeInstanceOf(
				NotFound
			);
		});

		it('finds the booking a scanned code or asset label points to', async () => {
			const made = await book('zoom-h5', '2026-11-21', '15:00', '16:00');
			const typed = `${made.code.slice(0, 3).toLowerCase()}-${made.code.slice(3)}`;
			expect(await findBookingToOpen(database.db, desk.actor, { code: typed }, context)).toBe(made.id);
			expect(await findBookingToOpen(database.db, desk.actor, { code: 'ZZZZZZ' }, context)).toBeNull();
			const opened = await openDeskBooking(database.db, desk.actor, made.id, context);
			const tag = opened.booking.units[0]?.assetTag ?? '';
			expect(await findBookingToOpen(database.db, desk.actor, { tag: tag.toLowerCase() }, context)).toBe(
				made.id
			);
			// Once its period is over, a booking never collected is not what the label opens.
			const later = lendingContext({ now: () => new Date(paris('2026-11-21', '16:30')) });
			expect(await findBookingToOpen(database.db, desk.actor, { tag }, later)).toBeNull();
			expect(
				await refusal(findBookingToOpen(database.db, resident.actor, { code: made.code }, context))
			).toBeInstanceOf(Forbidden);
		});

		it('records a no-show once the booking has started, frees its units, and audits it', async () => {
			const started = await book('zoom-h5', '2026-11-21', '10:00', '11:00');
			const later = await book('zoom-h5', '2026-11-21', '16:00', '17:00');
			expect(
				await refusal(recordNoShow(database.db, resident.actor, { bookingId: started.id }, context))
			).toBeInstanceOf(Forbidden);
			const early = await refusal(recordNoShow(database.db, desk.actor, { bookingId: later.id }, context));
			expect((early as Refused).code).toBe('not_started');
			const released = context.released;
			await recordNoShow(database.db, desk.actor, { bookingId: started.id }, context);
			const [row] = await database.db.select().from(booking).where(eq(booking.id, started.id));
			expect(row?.status).toBe('no_show');
			const holds = await database.db.select().from(bookingUnit).where(eq(bookingUnit.bookingId, started.id));
			expect(holds.map((hold) => hold.active)).toEqual([false]);
			expect(context.released).toBe(released + 1);
			const again = await refusal(recordNoShow(database.db, desk.actor, { bookingId: started.id }, context));
			expect((again as Refused).code).toBe('not_confirmed');
			const audits = await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, started.id));
			expect(audits.map((event) => [event.action, event.actorId])).toEqual([['booking.no_show', desk.id]]);
		});

		it('keeps a hand-out photo without its location, for desk staff only', async () => {
			const made = await book('zoom-h5', '2026-11-21', '13:00', '14:00');
			await handOut(
				database.db,
				desk.actor,
				{ bookingId: made.id, condition: 'Comme neuf', photo: jpegWithLocation() },
				context
			);
			const [handover] = await database.db
				.select()
				.from(bookingHandover)
				.where(eq(bookingHandover.bookingId, made.id));
			const key = handover?.photoKey ?? '';
			expect(key).toMatch(/^handovers\/[0-9a-f-]{36}\.jpg$/);
			const photo = await readHandoverPhoto(database.db, desk.actor, key, context.media.storage);
			expect(photo.mime).toBe('image/jpeg');
			const text = new TextDecoder('latin1').decode(photo.bytes);
			expect(text).not.toContain('GPS');
			expect(text).toContain('kept');
			for (const who of [null, resident, moderator]) {
				expect(
					await refusal(readHandoverPhoto(database.db, who?.actor ?? null, key, context.media.storage))
				).toBeInstanceOf(who ? Forbidden : NotSignedIn);
			}
			expect(
				await refusal(readHandoverPhoto(database.db, desk.actor, '../../etc/passwd', context.media.storage))
			).toBeInstanceOf(NotFound);
		});

		it('refuses a file that is not a photo and records nothing', async () => {
			const made = await book('zoom-h5', '2026-11-21', '12:30', '13:00');
			const problem = await refusal(
				takeBack(
					database.db,
					desk.actor,
					{ bookingId: made.id, photo: new TextEncoder().encode('<svg/>') },
					context
				)
			);
			expect(problem).toBeInstanceOf(InvalidInput);
			expect((problem as InvalidInput).issues[0]?.path).toBe('photo');
			const handedOut = await refusal(
				handOut(
					database.db,
					desk.actor,
					{ bookingId: made.id, photo: new TextEncoder().encode('%PDF-1.7') },
					context
				)
			);
			expect(handedOut).toBeInstanceOf(InvalidInput);
			const [row] = await database.db.select().from(booking).where(eq(booking.id, made.id));
			expect(row?.status).toBe('confirmed');
			expect(
				await database.db.select().from(bookingHandover).where(eq(bookingHandover.bookingId, made.id))
			).toEqual([]);
		});

		it('removes a stored photo again when the hand-over it came with is refused', async () => {
			const made = await book('zoom-h5', '2026-11-21', '13:00', '13:30');
			const stored = () => (existsSync(handovers) ? readdirSync(handovers).length : 0);
			const before = stored();
			// A real photo, but the booking is not out: nothing to take back.
			const problem = await refusal(
				takeBack(database.db, desk.actor, { bookingId: made.id, photo: jpegWithLocation() }, context)
			);
			expect((problem as Refused).code).toBe('not_out');
			expect(stored()).toBe(before);
		});

		it('serves only photos that belong to a hand-over', async () => {
			const key = await context.media.storage.put('handovers', jpegWithLocation(), 'jpg');
			expect(
				await refusal(readHandoverPhoto(database.db, desk.actor, key, context.media.storage))
			).toBeInstanceOf(NotFound);
		});

		it('shows the audit log to admins, filtered by action, person, subject and day', async () => {
			for (const who of [resident, moderator, desk]) {
				expect(await refusal(listAuditEvents(database.db, who.actor, {}, 'Europe/Paris'))).toBeInstanceOf(
					Forbidden
				);
			}
			const all = await listAuditEvents(database.db, admin.actor, {}, 'Europe/Paris');
			// What the desk did in this file: one hand-out (with its photo) and one no-show.
			expect(all.actions).toEqual(['booking.hand_out', 'booking.no_show']);
			const byAction = await listAuditEvents(
				database.db,
				admin.actor,
				{ action: 'booking.no_show' },
				'Europe/Paris'
			);
			expect(byAction.events.map((event) => event.action)).toEqual(['booking.no_show']);
			expect(byAction.events[0]?.changes).toEqual([
				{ field: 'status', before: 'confirmed', after: 'no_show' }
			]);
			const byPerson = await listAuditEvents(database.db, admin.actor, { who: 'maëlle' }, 'Europe/Paris');
			expect(byPerson.events.map((event) => [event.action, event.who]).sort()).toEqual([
				['booking.hand_out', 'Maëlle Desk'],
				['booking.no_show', 'Maëlle Desk']
			]);
			const subject = byAction.events[0]?.subjectId ?? '';
			const bySubject = await listAuditEvents(database.db, admin.actor, { subject }, 'Europe/Paris');
			expect(bySubject.events.map((event) => event.subjectId)).toEqual([subject]);
			const since = await listAuditEvents(database.db, admin.actor, { from: '2000-01-01' }, 'Europe/Paris');
			expect(since.events.length).toBe(all.events.length);
			const empty = await listAuditEvents(database.db, admin.actor, { to: '2000-01-01' }, 'Europe/Paris');
			expect(empty.events).toEqual([]);
			expect(
				await refusal(listAuditEvents(database.db, admin.actor, { from: '21/11/2026' }, 'Europe/Paris'))
			).toBeInstanceOf(InvalidInput);
		});
	});
}
