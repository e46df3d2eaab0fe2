import { eq } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime';
import { user } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { parseInput } from '../forms';
import { localeField, profileSchema } from './schemas';

export type Profile = {
	name: string;
	email: string;
	locale: Locale;
	notifyReminders: boolean;
	notifyWaitlist: boolean;
	notifyApplications: boolean;
	createdAt: Date;
};

export async function getProfile(db: Database, actor: Actor | null): Promise<Profile> {
	authorize(actor, 'account.self');
	const [profile] = await db
		.select({
			name: user.name,
			email: user.email,
			locale: user.locale,
			notifyReminders: user.notifyReminders,
			notifyWaitlist: user.notifyWaitlist,
			notifyApplications: user.notifyApplications,
			createdAt: user.createdAt
		})
		.from(user)
		.where(eq(user.id, actor.userId));
	if (!profile) throw new NotFound('account');
	return profile;
}

export async function updateProfile(db: Database, actor: Actor | null, input: unknown): Promise<void> {
	authorize(actor, 'account.self');
	const changes = parseInput(profileSchema, input);
	await db.update(user).set(changes).where(eq(user.id, actor.userId));
}

/** The language switcher, for someone signed in: the choice follows them to every device. */
export async function setLanguage(db: Database, actor: Actor | null, locale: unknown): Promise<void> {
	authorize(actor, 'account.self');
	await db
		.update(user)
		.set({ locale: parseInput(localeField, locale) })
		.where(eq(user.id, actor.userId));
}
