import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole, listPeople, revokeRole } from '../../src/lib/server/auth/roles';
import { auditEvent, userRole } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';

for (const backend of backends()) {
	describe(`roles on ${backend.name}`, () => {
		let database: TestDatabase;
		let admin: Awaited<ReturnType<typeof createPerson>>;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		let resident: Awaited<ReturnType<typeof createPerson>>;

		beforeAll(async () => {
			database = await backend.fresh();
			admin = await createPerson(database.db, { roles: ['admin'], name: 'Anna Admin' });
			desk = await createPerson(database.db, { roles: ['desk'], name: 'Dewi Desk' });
			resident = await createPerson(database.db, { name: 'Rozenn Résidente', email: 'rozenn@example.test' });
		});
		afterAll(() => database.close());

		const rolesOf = async (userId: string) =>
			(await database.db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, userId)))
				.map((row) => row.role)
				.sort();

		it('lists people only for admins', async () => {
			await expect(listPeople(database.db, null)).rejects.toThrow(NotSignedIn);
			await expect(listPeople(database.db, desk.actor)).rejects.toThrow(Forbidden);
			const { people } = await listPeople(database.db, admin.actor, { query: 'rozenn' });
			expect(people).toEqual([
				{ id: resident.id, name: 'Rozenn Résidente', email: 'rozenn@example.test', roles: [] }
			]);
		});

		it('treats search text literally', async () => {
			const { people } = await listPeople(database.db, admin.actor, { query: '%' });
			expect(people).toEqual([]);
		});

		it('grants a role once, and writes it to the audit log', async () => {
			await grantRole(database.db, admin.actor, { userId: resident.id, role: 'moderator' });
			await grantRole(database.db, admin.actor, { userId: resident.id, role: 'moderator' });
			expect(await rolesOf(resident.id)).toEqual(['moderator']);
			const log = await database.db
				.select({ action: auditEvent.action, actorId: auditEvent.actorId, after: auditEvent.after })
				.from(auditEvent)
				.where(and(eq(auditEvent.subjectId, resident.id), eq(auditEvent.action, 'role.grant')));
			expect(log).toEqual([{ action: 'role.grant', actorId: admin.id, after: { role: 'moderator' } }]);
		});

		it('revokes a role and logs what it was', async () => {
			await revokeRole(database.db, admin.actor, { userId: resident.id, role: 'moderator' });
			expect(await rolesOf(resident.id)).toEqual([]);
			const [entry] = await database.db
				.select({ before: auditEvent.before })
				.from(auditEvent)
				.where(and(eq(auditEvent.subjectId, resident.id), eq(auditEvent.action, 'role.revoke')));
			expect(entry?.before).toEqual({ role: 'moderator' });
		});

		it('refuses the wrong people and bad input without changing anything', async () => {
			await expect(grantRole(database.db, null, { userId: resident.id, role: 'admin' })).rejects.toThrow(
				NotSignedIn
			);
			await expect(
				grantRole(database.db, desk.actor, { userId: resident.id, role: 'admin' })
			).rejects.toThrow(Forbidden);
			await expect(
				grantRole(database.db, admin.actor, { userId: resident.id, role: 'king' })
			).rejects.toThrow(InvalidInput);
			await expect(grantRole(database.db, admin.actor, { userId: 'nope', role: 'desk' })).rejects.toThrow(
				InvalidInput
			);
			await expect(
				grantRole(database.db, admin.actor, { userId: '00000000-0000-4000-8000-000000000000', role: 'desk' })
			).rejects.toThrow(NotFound);
			expect(await rolesOf(resident.id)).toEqual([]);
		});

		it('never removes the last administrator', async () => {
			await expect(revokeRole(database.db, admin.actor, { userId: admin.id, role: 'admin' })).rejects.toThrow(
				Refused
			);
			expect(await rolesOf(admin.id)).toEqual(['admin']);
			await grantRole(database.db, admin.actor, { userId: desk.id, role: 'admin' });
			await revokeRole(database.db, admin.actor, { userId: admin.id, role: 'admin' });
			expect(await rolesOf(admin.id)).toEqual([]);
		});
	});
}
