import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	requestMagicLink,
	requestPasswordReset,
	resetPassword,
	signInWithPassword,
	signUp
} from '../../src/lib/server/auth/flows';
import { authLimits } from '../../src/lib/server/auth/limits';
import { mailOutbox, session, user } from '../../src/lib/server/db/schema';
import { InvalidInput, Refused } from '../../src/lib/server/errors';
import { authFor, caller, ORIGIN, type TestAuth } from './auth-context';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';

const latestMailTo = async (deps: TestAuth, recipient: string) => {
	const [mail] = await deps.db
		.select()
		.from(mailOutbox)
		.where(eq(mailOutbox.recipient, recipient))
		.orderBy(desc(mailOutbox.createdAt))
		.limit(1);
	return mail;
};

const linkIn = (text: string) => {
	const found = text.match(/https?:\/\/\S+/);
	if (!found) throw new Error(`no link in: ${text}`);
	return new URL(found[0]);
};

for (const backend of backends()) {
	describe(`accounts and sign-in on ${backend.name}`, () => {
		let database: TestDatabase;
		let deps: TestAuth;
		beforeAll(async () => {
			database = await backend.fresh();
			deps = authFor(database.db);
		});
		afterAll(() => database.close());

		it('signs a new person up with their language, lower-casing the address', async () => {
			await signUp(
				deps,
				caller(),
				{ name: 'Maïwenn', email: 'Maiwenn@Example.test', password: 'une phrase longue' },
				'en'
			);
			const [created] = await deps.db.select().from(user).where(eq(user.email, 'maiwenn@example.test'));
			expect(created).toMatchObject({ name: 'Maïwenn', locale: 'en', notifyReminders: true });
		});

		it('explains a taken address or a short password, in the field concerned', async () => {
			const taken = signUp(
				deps,
				caller(),
				{ name: 'X', email: 'maiwenn@example.test', password: 'une phrase longue' },
				'fr'
			);
			await expect(taken).rejects.toThrow(InvalidInput);
			await expect(taken).rejects.toMatchObject({ issues: [{ path: 'email' }] });
			const short = signUp(deps, caller(), { name: 'X', email: 'x@example.test', password: 'court' }, 'fr');
			await expect(short).rejects.toMatchObject({
				issues: [{ path: 'password', message: 'Le mot de passe doit contenir au moins 10 caractères.' }]
			});
			const [nobody] = await deps.db.select().from(user).where(eq(user.email, 'x@example.test'));
			expect(nobody).toBeUndefined();
		});

		it('signs in with the right password and refuses a wrong one the same way as an unknown address', async () => {
			const person = await createPerson(deps.db, { password: 'correct horse battery' });
			await expect(
				signInWithPassword(deps, caller(), { email: person.email, password: 'correct horse battery' })
			).resolves.toBeUndefined();
			const sessions = await deps.db.select().from(session).where(eq(session.userId, person.id));
			expect(sessions).toHaveLength(1);
			const wrong = signInWithPassword(deps, caller(), { email: person.email, password: 'wrong password!' });
			await expect(wrong).rejects.toMatchObject({ code: 'invalid_credentials' });
			const unknown = signInWithPassword(deps, caller(), {
				email: 'nobody@example.test',
				password: 'whatever123'
			});
			await expect(unknown).rejects.toMatchObject({ code: 'invalid_credentials' });
		});

		it('stops password guessing after 10 failures on one account, from any address, but not its owner’s link', async () => {
			const person = await createPerson(deps.db, { password: 'correct horse battery' });
			for (let attempt = 0; attempt < 10; attempt += 1) {
				await expect(
					signInWithPassword(deps, caller(), { email: person.email, password: `guess ${attempt}xxxx` })
				).rejects.toMatchObject({ code: 'invalid_credentials' });
			}
			const blocked = signInWithPassword(deps, caller(), {
				email: person.email,
				password: 'correct horse battery'
			});
			await expect(blocked).rejects.toMatchObject({ code: 'rate_limited', status: 429 });
			await requestMagicLink(deps, caller(), { email: person.email }, '/account');
			expect((await latestMailTo(deps, person.email))?.kind).toBe('auth.magic-link');
		});

		it('does not count successful sign-ins against the account', async () => {
			const person = await createPerson(deps.db, { password: 'correct horse battery' });
			for (let attempt = 0; attempt < 12; attempt += 1) {
				await signInWithPassword(deps, caller(), { email: person.email, password: 'correct horse battery' });
			}
			expect(await deps.db.select().from(session).where(eq(session.userId, person.id))).toHaveLength(12);
		});

		it('sends at most 5 sign-in or reset mails an hour to one mailbox', async () => {
			const person = await createPerson(deps.db);
			for (let attempt = 0; attempt < 3; attempt += 1) {
				await requestMagicLink(deps, caller(), { email: person.email }, '/account');
				await requestPasswordReset(deps, caller(), { email: person.email }).catch((problem) => {
					if (attempt < 2) throw problem;
					expect(problem).toMatchObject({ code: 'rate_limited' });
				});
			}
			const mails = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, person.email));
			expect(mails).toHaveLength(5);
		});

		it('stops one address after its quota of attempts across accounts, links and passwords alike', async () => {
			const from = caller({ clientAddress: '198.51.100.7' });
			const quota = authLimits.attemptsPerAddress.max;
			for (let attempt = 1; attempt < quota; attempt += 1) {
				await requestMagicLink(deps, from, { email: `someone${attempt}@example.test` }, '/account');
			}
			await expect(
				signInWithPassword(deps, from, { email: 'someone@example.test', password: 'guessguess' })
			).rejects.toMatchObject({ code: 'invalid_credentials' });
			const refused = signInWithPassword(deps, from, {
				email: 'someone@example.test',
				password: 'guessguess'
			});
			await expect(refused).rejects.toThrow(Refused);
			await expect(refused).rejects.toMatchObject({ code: 'rate_limited' });
			// Another address is not affected.
			await expect(
				signInWithPassword(deps, caller(), { email: 'someone@example.test', password: 'guessguess' })
			).rejects.toMatchObject({ code: 'invalid_credentials' });
		});

		it('mails a magic link to an account holder, in their language', async () => {
			const person = await createPerson(deps.db, { locale: 'en' });
			await requestMagicLink(deps, caller(), { email: person.email }, '/account');
			const mail = await latestMailTo(deps, person.email);
			expect(mail).toMatchObject({ kind: 'auth.magic-link', status: 'kept', recipientUserId: person.id });
			expect(mail?.subject).toMatch(/^Your sign-in link/);
			const link = linkIn(mail?.text ?? '');
			expect(link.pathname).toBe('/api/auth/magic-link/verify');
			expect(link.searchParams.get('callbackURL')).toBe('/account');
			const response = await deps.auth.handler(new Request(link));
			expect(response.status).toBe(302);
			expect(response.headers.get('location')).toBe('http://localhost:3000/account');
			expect(response.headers.get('set-cookie')).toMatch(/commons\.session_token=/);
			const reused = await deps.auth.handler(new Request(link));
			expect(reused.headers.get('location')).toContain('/login?link=expired');
		});

		it('tells an unknown address it has no account, without a sign-in link', async () => {
			await requestMagicLink(deps, caller(), { email: 'stranger@example.test' }, '/account');
			const mail = await latestMailTo(deps, 'stranger@example.test');
			expect(mail).toMatchObject({ kind: 'auth.no-account', recipientUserId: null });
			expect(linkIn(mail?.text ?? '').pathname).toBe('/signup');
			const [nobody] = await deps.db.select().from(user).where(eq(user.email, 'stranger@example.test'));
			expect(nobody).toBeUndefined();
		});

		it('resets a password by mail, signing out every other session', async () => {
			const person = await createPerson(deps.db, { password: 'old password here' });
			await signInWithPassword(deps, caller(), { email: person.email, password: 'old password here' });
			await requestPasswordReset(deps, caller(), { email: person.email });
			const mail = await latestMailTo(deps, person.email);
			expect(mail?.kind).toBe('auth.password-reset');
			const link = linkIn(mail?.text ?? '');
			const redirect = await deps.auth.handler(new Request(link));
			const landing = new URL(redirect.headers.get('location') ?? '', 'http://localhost:3000');
			expect(landing.pathname).toBe('/reset-password');
			const token = landing.searchParams.get('token') ?? '';
			await expect(resetPassword(deps, caller(), { token, password: 'short' })).rejects.toThrow(InvalidInput);
			await resetPassword(deps, caller(), { token, password: 'brand new password' });
			expect(await deps.db.select().from(session).where(eq(session.userId, person.id))).toHaveLength(0);
			await expect(
				signInWithPassword(deps, caller(), { email: person.email, password: 'old password here' })
			).rejects.toMatchObject({
				code: 'invalid_credentials'
			});
			await signInWithPassword(deps, caller(), { email: person.email, password: 'brand new password' });
			await expect(
				resetPassword(deps, caller(), { token, password: 'another new password' })
			).rejects.toMatchObject({
				code: 'invalid_token'
			});
		});

		it('asks for a reset of an unknown address without saying so, and sends nothing', async () => {
			await requestPasswordReset(deps, caller(), { email: 'ghost@example.test' });
			expect(await latestMailTo(deps, 'ghost@example.test')).toBeUndefined();
		});

		// better-auth's own HTTP endpoints, which the portal also serves under /api/auth.
		const post = (path: string, body: unknown, cookie?: string, address = '192.0.2.50') =>
			deps.auth.handler(
				new Request(`${ORIGIN}/api/auth${path}`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						origin: ORIGIN,
						'x-commons-client-address': address,
						...(cookie ? { cookie } : {})
					},
					body: JSON.stringify(body)
				})
			);

		it('validates sign-up on the HTTP endpoint as the form does, creating nobody', async () => {
			for (const [index, body] of [
				{ name: '', email: 'api@example.test', password: 'long enough password' },
				{ name: 'Api\u0000', email: 'api@example.test', password: 'long enough password' },
				{ name: 'Api', email: 'api@example.test', password: 'long enough password', locale: 'de' },
				{ name: 'Api', email: 'not an address', password: 'long enough password' }
			].entries()) {
				const response = await post('/sign-up/email', body, undefined, `192.0.2.${100 + index}`);
				expect(response.status, JSON.stringify(body)).toBe(400);
			}
			expect(await deps.db.select().from(user).where(eq(user.email, 'api@example.test'))).toHaveLength(0);
		});

		it('keeps profile, email and deletion endpoints closed: those go through /account', async () => {
			const person = await createPerson(deps.db, { password: 'api password here' });
			const signedIn = await post('/sign-in/email', { email: person.email, password: 'api password here' });
			expect(signedIn.status).toBe(200);
			const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
			for (const path of ['/update-user', '/change-email', '/delete-user', '/verify-password']) {
				const response = await post(path, { name: 'x', newEmail: 'x@example.test', password: 'x' }, cookie);
				expect(response.status, path).toBe(404);
			}
		});

		it('shares the account lock between the form and the HTTP endpoint', async () => {
			const person = await createPerson(deps.db, { password: 'right password here' });
			for (let attempt = 0; attempt < 10; attempt += 1) {
				await expect(
					signInWithPassword(deps, caller(), { email: person.email, password: `wrong guess ${attempt}` })
				).rejects.toMatchObject({ code: 'invalid_credentials' });
			}
			const response = await post(
				'/sign-in/email',
				{ email: person.email, password: 'right password here' },
				undefined,
				'192.0.2.77'
			);
			expect(response.status).toBe(429);
		});

		it('rate-limits sign-in on the HTTP endpoint too (3 per 10 s), in the shared store', async () => {
			const statuses = [];
			for (let attempt = 0; attempt < 5; attempt += 1) {
				const from = '192.0.2.51';
				const response = await post(
					'/sign-in/email',
					{ email: 'x@example.test', password: 'wrong' },
					undefined,
					from
				);
				statuses.push(response.status);
			}
			expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
			expect(statuses.at(-1)).toBe(429);
		});
	});
}
