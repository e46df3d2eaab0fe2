import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking, equipmentModel, projectLoan, site } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { NotFound, NotSignedIn, Forbidden } from '../../src/lib/server/errors';
import { newBookingCode } from '../../src/lib/server/lending/booking-code';
import { linkLoan, loansForProject, unlinkLoan } from '../../src/lib/server/trails/project-loans';
import { loansOfProject } from '../../src/lib/server/trails/public-trails';
import { createProject } from '../../src/lib/server/trails/projects';
import { backends, type TestDatabase } from './database';
import { refusal } from './refusal';
import { groupWithMembers } from './trails';

for (const backend of backends()) {
	describe(`"made with" loans on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
		});
		afterAll(() => database.close());

		async function loanOf(userId: string, status: 'returned' | 'confirmed' | 'checked_out') {
			const [model] = await database.db
				.select({ id: equipmentModel.id })
				.from(equipmentModel)
				.where(eq(equipmentModel.slug, 'zoom-h5'));
			const [place] = await database.db.select({ id: site.id }).from(site).where(eq(site.slug, 'capucins'));
			const [made] = await database.db
				.insert(booking)
				.values({
					code: newBookingCode(),
					userId,
					modelId: model?.id,
					siteId: place?.id ?? '',
					startsAt: new Date('2026-10-06T09:00:00Z'),
					endsAt: new Date('2026-10-08T16:00:00Z'),
					status
				})
				.returning({ id: booking.id });
			return made?.id ?? '';
		}

		it('lets an editor name the loans they took out, shows them without a name, and nothing else', async () => {
			const cast = await groupWithMembers(database.db);
			const project = await createProject(database.db, cast.editor.actor, cast.slug, { title: 'Fait avec' });
			const returned = await loanOf(cast.editor.id, 'returned');
			const upcoming = await loanOf(cast.editor.id, 'confirmed');
			const someoneElses = await loanOf(cast.member.id, 'returned');

			const before = await loansForProject(database.db, cast.editor.actor, project);
			expect(before.named).toEqual([]);
			expect(before.own.map((loan) => loan.id)).toEqual([returned]);

			await linkLoan(database.db, cast.editor.actor, project, { booking: returned });
			await linkLoan(database.db, cast.editor.actor, project, { booking: returned });
			expect(
				await refusal(linkLoan(database.db, cast.editor.actor, project, { booking: upcoming }))
			).toBeInstanceOf(NotFound);
			expect(
				await refusal(linkLoan(database.db, cast.editor.actor, project, { booking: someoneElses }))
			).toBeInstanceOf(NotFound);
			expect(
				await refusal(linkLoan(database.db, cast.member.actor, project, { booking: someoneElses }))
			).toBeInstanceOf(Forbidden);
			expect(await refusal(linkLoan(database.db, null, project, { booking: returned }))).toBeInstanceOf(
				NotSignedIn
			);

			const after = await loansForProject(database.db, cast.editor.actor, project);
			expect(after.named.map((loan) => loan.id)).toEqual([returned]);
			expect(after.own).toEqual([]);
			const shown = await loansOfProject(database.db, project);
			expect(shown).toEqual([
				{
					item: expect.objectContaining({ fr: 'Enregistreur Zoom H5' }),
					slug: 'zoom-h5',
					startsAt: new Date('2026-10-06T09:00:00Z')
				}
			]);
			expect(Object.keys(shown[0] ?? {})).not.toContain('userId');

			await unlinkLoan(database.db, cast.editor.actor, project, { booking: returned });
			expect(await database.db.select().from(projectLoan).where(eq(projectLoan.bookingId, returned))).toEqual(
				[]
			);
			expect(
				await refusal(unlinkLoan(database.db, cast.editor.actor, project, { booking: returned }))
			).toBeInstanceOf(NotFound);
		});
	});
}
