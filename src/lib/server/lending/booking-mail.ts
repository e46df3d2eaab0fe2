import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { pickLocalized, type LocalizedText } from '../../i18n/localized-text';
import type { Database } from '../db/client';
import { queueMail } from '../mail/outbox';
import type { LendingContext } from './context';

export type BookingMailKind =
	| 'confirmed'
	| 'requested'
	| 'approved'
	| 'rejected'
	| 'pickup_reminder'
	| 'return_reminder'
	| 'overdue'
	| 'unit_withdrawn';

export type BookingForMail = {
	id: string;
	code: string;
	item: LocalizedText;
	site: string;
	start: Date;
	end: Date;
	reason?: string | null;
	person: { id: string; email: string; locale: Locale };
};

const localeTags = { fr: 'fr-FR', en: 'en-GB' } as const;

export function formatForMail(value: Date, locale: Locale, timeZone: string) {
	return new Intl.DateTimeFormat(localeTags[locale], {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone
	}).format(value);
}

const subjects = {
	confirmed: m.mail_booking_confirmed_subject,
	requested: m.mail_booking_requested_subject,
	approved: m.mail_booking_approved_subject,
	rejected: m.mail_booking_rejected_subject,
	pickup_reminder: m.mail_booking_pickup_reminder_subject,
	return_reminder: m.mail_booking_return_reminder_subject,
	overdue: m.mail_booking_overdue_subject,
	unit_withdrawn: m.mail_booking_unit_withdrawn_subject
} satisfies Record<BookingMailKind, unknown>;

function introOf(kind: BookingMailKind, booking: BookingForMail, locale: Locale) {
	const options = { locale };
	switch (kind) {
		case 'confirmed':
			return m.mail_booking_confirmed_intro({}, options);
		case 'requested':
			return m.mail_booking_requested_intro({}, options);
		case 'approved':
			return m.mail_booking_approved_intro({}, options);
		case 'rejected':
			return m.mail_booking_rejected_intro({ reason: booking.reason ?? '' }, options);
		case 'pickup_reminder':
			return m.mail_booking_pickup_reminder_intro({}, options);
		case 'return_reminder':
			return m.mail_booking_return_reminder_intro({}, options);
		case 'overdue':
			return m.mail_booking_overdue_intro({}, options);
		case 'unit_withdrawn':
			return m.mail_booking_unit_withdrawn_intro({}, options);
	}
}

/** Queues a booking message in the person's language, inside the caller's transaction. */
export async function queueBookingMail(
	db: Database,
	context: Pick<LendingContext, 'mailer' | 'origin' | 'timeZone'>,
	kind: BookingMailKind,
	booking: BookingForMail
) {
	const { locale } = booking.person;
	const item = pickLocalized(booking.item, locale);
	const summary = m.mail_booking_summary(
		{
			item,
			site: booking.site,
			start: formatForMail(booking.start, locale, context.timeZone),
			end: formatForMail(booking.end, locale, context.timeZone),
			code: booking.code
		},
		{ locale }
	);
	const link = m.mail_booking_link({ url: `${context.origin}/my/bookings/${booking.id}` }, { locale });
	await queueMail(db, context.mailer.mode, {
		to: booking.person.email,
		recipientUserId: booking.person.id,
		kind: `booking.${kind}`,
		subject: subjects[kind]({ item, code: booking.code }, { locale }),
		text: `${introOf(kind, booking, locale)}\n\n${summary}\n\n${link}\n`
	});
}
