import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccount } from '../../src/lib/server/accounts/delete-account';
import { changePassword, signOutOtherDevices } from '../../src/lib/server/accounts/password';
import { exportPersonalData } from '../../src/lib/server/accounts/personal-data';
import { getProfile, setLanguage, updateProfile } from '../../src/lib/server/accounts/profile';
import { signInWithPassword } from '../../src/lib/server/auth/flows';
import { grantRole } from '../../src/lib/server/auth/roles';
import { authLimits, limitKeys } from '../../src/lib/server/auth/limits';
import { consume } from '../../src/lib/server/auth/rate-limit';
import {
	account,
	auditEvent,
	mailOutbox,
	rateLimitBucket,
	session,
	user,
	userRole
} from '../../src/lib/server/db/schema';
import { InvalidInput, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { authFor, caller } from './auth-context';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';

for (const backend of backends()) {
	describe(`my account on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		it('needs a signed-in person for every account action', async () => {
			await expect(getProfile(database.db, null)).rejects.toThrow(NotSignedIn);
			await expect(updateProfile(database.db, null, {})).rejects.toThrow(NotSignedIn);
			await expect(setLanguage(database.db, null, 'en')).rejects.toThrow(NotSignedIn);
			await expect(exportPersonalData(database.db, null)).rejects.toThrow(NotSignedIn);
			await expect(deleteAccount(database.db, null, { confirmEmail: 'x@example.test' })).rejects.toThrow(
				NotSignedIn
			);
		});

		it('updates name, language and notification choices; unticked boxes mean no', async () => {
			const person = await createPerson(database.db);
			await updateProfile(database.db, person.actor, {
				name: '  Gwen  ',
				locale: 'en',
				notifyReminders: 'on'
			});
			expect(await getProfile(database.db, person.actor)).toMatchObject({
				name: 'Gwen',
				locale: 'en',
				notifyReminders: true,
				notifyWaitlist: false,
				notifyApplications: false
			});
		});

		it('refuses a bad profile and keeps the old one', async () => {
			const person = await createPerson(database.db, { name: 'Avant' });
			await expect(
				updateProfile(database.db, person.actor, { name: '', locale: 'de' })
			).rejects.toMatchObject({
				issues: [
					{ path: 'name', message: 'Indiquez un nom.' },
					{ path: 'locale', message: 'Choisissez le français ou l’anglais.' }
				]
			});
			expect((await getProfile(database.db, person.actor)).name).toBe('Avant');
			await expect(setLanguage(database.db, person.actor, 'xx')).rejects.toThrow(InvalidInput);
		});

		it('exports what the portal holds, without secrets', async () => {
			const deps = authFor(database.db);
			const person = await createPerson(database.db, { password: 'export me please', roles: ['reviewer'] });
			await signInWithPassword(deps, caller(), { email: person.email, password: 'export me please' });
			const data = await exportPersonalData(database.db, person.actor);
			expect(data.account).toMatchObject({ id: person.id, email: person.email });
			expect(data.roles.map((role) => role.role)).toEqual(['reviewer']);
			expect(data.sessions).toHaveLength(1);
			const text = JSON.stringify(data);
			const [stored] = await database.db.select().from(session).where(eq(session.userId, person.id));
			const [credentials] = await database.db.select().from(account).where(eq(account.userId, person.id));
			expect(text).not.toContain(stored?.token ?? 'missing');
			expect(text).not.toContain(credentials?.password ?? 'missing');
		});

		it('deletes an account only with the right confirmation, and everything personal with it', async () => {
			const admin = await createPerson(database.db, { roles: ['admin'] });
			const deps = authFor(database.db);
			const person = await createPerson(database.db, { password: 'delete me please' });
			await signInWithPassword(deps, caller(), { email: person.email, password: 'delete me please' });
			await grantRole(database.db, admin.actor, { userId: person.id, role: 'desk' });
			await database.db.insert(mailOutbox).values([
				{ recipient: person.email, recipientUserId: person.id, subject: 's', text: 't', kind: 'test' },
				// Mailed before the account existed: tied to the address only.
				{ recipient: person.email, subject: 'no account yet', text: 't', kind: 'auth.no-account' }
			]);
			await consume(database.db, limitKeys.mails(person.email), authLimits.mailsPerRecipient);

			await expect(
				deleteAccount(database.db, person.actor, { confirmEmail: 'someone@else.test' })
			).rejects.toThrow(InvalidInput);
			expect(await database.db.select().from(user).where(eq(user.id, person.id))).toHaveLength(1);

			await deleteAccount(database.db, person.actor, { confirmEmail: person.email.toUpperCase() });
			expect(await database.db.select().from(user).where(eq(user.id, person.id))).toHaveLength(0);
			expect(await database.db.select().from(session).where(eq(session.userId, person.id))).toHaveLength(0);
			expect(await database.db.select().from(account).where(eq(account.userId, person.id))).toHaveLength(0);
			expect(await database.db.select().from(userRole).where(eq(userRole.userId, person.id))).toHaveLength(0);
			expect(
				await database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, person.email))
			).toHaveLength(0);
			const counters = await database.db
				.select()
				.from(rateLimitBucket)
				.where(eq(rateLimitBucket.key, limitKeys.mails(person.email)));
			expect(counters).toHaveLength(0);
			// The admin's action on them stays in the log; it no longer names a living account.
			const [logged] = await database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, person.id));
			expect(logged?.actorId).toBe(admin.id);
		});

		const signInForCookie = async (deps: ReturnType<typeof authFor>, email: string, password: string) => {
			const response = await deps.auth.api.signInEmail({
				body: { email, password },
				headers: caller().headers,
				asResponse: true
			});
			return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
		};

		it('changes the password given the current one, and signs the other devices out', async () => {
			const deps = authFor(database.db);
			const person = await createPerson(database.db, { password: 'first password here' });
			const here = await signInForCookie(deps, person.email, 'first password here');
			await signInForCookie(deps, person.email, 'first password here');
			const wrong = changePassword(deps, caller({ cookie: here }), person.actor, {
				currentPassword: 'not the password',
				newPassword: 'second password here'
			});
			await expect(wrong).rejects.toMatchObject({ issues: [{ path: 'currentPassword' }] });
			await expect(
				changePassword(deps, caller({ cookie: here }), person.actor, {
					currentPassword: 'first password here',
					newPassword: 'short'
				})
			).rejects.toMatchObject({ issues: [{ path: 'newPassword' }] });
			await changePassword(deps, caller({ cookie: here }), person.actor, {
				currentPassword: 'first password here',
				newPassword: 'second password here'
			});
			expect(await database.db.select().from(session).where(eq(session.userId, person.id))).toHaveLength(1);
			await signInWithPassword(deps, caller(), { email: person.email, password: 'second password here' });
			await expect(changePassword(deps, caller(), null, {})).rejects.toThrow(NotSignedIn);
		});

		it('signs out every other device, keeping this one', async () => {
			const deps = authFor(database.db);
			const person = await createPerson(database.db, { password: 'many devices here' });
			const here = await signInForCookie(deps, person.email, 'many devices here');
			await signInForCookie(deps, person.email, 'many devices here');
			await signInForCookie(deps, person.email, 'many devices here');
			await signOutOtherDevices(deps, caller({ cookie: here }), person.actor);
			const left = await database.db.select().from(session).where(eq(session.userId, person.id));
			expect(left).toHaveLength(1);
			expect(here).toContain(left[0]?.token ?? 'missing');
			await expect(signOutOtherDevices(deps, caller(), null)).rejects.toThrow(NotSignedIn);
		});

		it('keeps the last administrator from deleting their account', async () => {
			const fresh = await backend.fresh();
			try {
				const onlyAdmin = await createPerson(fresh.db, { roles: ['admin'] });
				await expect(
					deleteAccount(fresh.db, onlyAdmin.actor, { confirmEmail: onlyAdmin.email })
				).rejects.toThrow(Refused);
				expect(await fresh.db.select().from(user).where(eq(user.id, onlyAdmin.id))).toHaveLength(1);
			} finally {
				await fresh.close();
			}
		});
	});
}
