import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { pickLocalized } from '../../i18n/localized-text';
import { user } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { calendarFeed } from './bookings.table';
import { calendarOf } from './ical';
import { listBookingsOf } from './my-bookings';

const newToken = () => randomBytes(24).toString('base64url');

/** The person's secret feed token, made on first use. */
export async function calendarTokenOf(db: Database, actor: Actor | null): Promise<string> {
	authorize(actor, 'bookings.own');
	const [existing] = await db.select().from(calendarFeed).where(eq(calendarFeed.userId, actor.userId));
	if (existing) return existing.token;
	await db.insert(calendarFeed).values({ userId: actor.userId, token: newToken() }).onConflictDoNothing();
	const [made] = await db.select().from(calendarFeed).where(eq(calendarFeed.userId, actor.userId));
	if (!made) throw new Error('calendar feed was not created');
	return made.token;
}

/** A new secret address: whoever had the old one (a shared calendar, a lost phone) loses it. */
export async function regenerateCalendarToken(db: Database, actor: Actor | null): Promise<string> {
	authorize(actor, 'bookings.own');
	const token = newToken();
	await db
		.insert(calendarFeed)
		.values({ userId: actor.userId, token })
		.onConflictDoUpdate({ target: calendarFeed.userId, set: { token, createdAt: new Date() } });
	return token;
}

/** The feed behind a secret address; the token is the whole permission, as calendar apps need. */
export async function calendarForToken(
	db: Database,
	token: string,
	settings: { origin: string; timeZone: string }
): Promise<string> {
	const [feed] =
		token.length >= 32
			? await db
					.select({ userId: calendarFeed.userId, locale: user.locale })
					.from(calendarFeed)
					.innerJoin(user, eq(user.id, calendarFeed.userId))
					.where(eq(calendarFeed.token, token))
			: [];
	if (!feed) throw new NotFound('calendar');
	const locale = feed.locale;
	const views = await listBookingsOf(db, feed.userId);
	const host = new URL(settings.origin).host;
	return calendarOf(
		views.map((view) => {
			const item = pickLocalized(view.equipment.name, locale);
			const url = `${settings.origin}/my/bookings/${view.id}`;
			return {
				id: view.id,
				code: view.code,
				status: view.status,
				start: view.start,
				end: view.end,
				updatedAt: view.updatedAt,
				title: m.calendar_event_title({ item, code: view.code }, { locale }),
				location: `${view.site.name}, ${view.site.address}`,
				description: m.calendar_event_description({ code: view.code, url }, { locale }),
				url
			};
		}),
		{ name: m.calendar_name({}, { locale }), host, now: new Date() }
	);
}
