import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import type { Database } from '../db/client';
import type { Mailer } from '../mail/mailer';
import { user } from './auth.table';

type Settings = { cityName: string; origin: string };

/** The messages better-auth asks us to send, written in the person's language. */
export function authMail(db: Database, mailer: Mailer, settings: Settings) {
	const city = settings.cityName;
	return {
		async magicLink(email: string, url: string) {
			const [person] = await db
				.select({ id: user.id, locale: user.locale })
				.from(user)
				.where(eq(user.email, email.toLowerCase()));
			if (!person) {
				// No account: say so to the mailbox owner only, so the form never reveals who has one.
				const locale = getLocale();
				await mailer.send({
					to: email,
					kind: 'auth.no-account',
					subject: m.mail_no_account_subject({ city }, { locale }),
					text: m.mail_no_account_body({ url: `${settings.origin}/signup` }, { locale })
				});
				return;
			}
			const locale: Locale = person.locale;
			await mailer.send({
				to: email,
				recipientUserId: person.id,
				kind: 'auth.magic-link',
				subject: m.mail_magic_link_subject({ city }, { locale }),
				text: m.mail_magic_link_body({ city, url }, { locale })
			});
		},
		async passwordReset(person: { id: string; email: string; locale?: unknown }, url: string) {
			const locale: Locale = person.locale === 'en' ? 'en' : 'fr';
			await mailer.send({
				to: person.email,
				recipientUserId: person.id,
				kind: 'auth.password-reset',
				subject: m.mail_reset_subject({ city }, { locale }),
				text: m.mail_reset_body({ url }, { locale })
			});
		}
	};
}
