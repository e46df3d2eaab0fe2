import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { pickLocalized } from '../../i18n/localized-text';
import { user } from '../auth/auth.table';
import type { Database } from '../db/client';
import { queueMail } from '../mail/outbox';
import { bookableCount, loadOccupancy } from './availability';
import { findBookable } from './bookable';
import { formatForMail } from './booking-mail';
import { waitlistEntry } from './bookings.table';
import type { LendingContext } from './context';
import { equipmentModel, kit } from './equipment.table';
import { site } from './sites.table';

type Context = Pick<LendingContext, 'mailer' | 'origin' | 'timeZone' | 'now'>;

/**
 * Tells everyone waiting for an item whose period has become free (a cancellation, a rejection,
 * a unit back in service). Each entry is told once; entries whose period has started are dropped.
 */
export async function notifyFreedWaitlist(db: Database, context: Context): Promise<number> {
	const now = context.now();
	await db.delete(waitlistEntry).where(lt(waitlistEntry.startsAt, now));
	const told = await db.transaction(async (tx) => {
		const entries = await tx
			.select({
				id: waitlistEntry.id,
				start: waitlistEntry.startsAt,
				end: waitlistEntry.endsAt,
				siteId: waitlistEntry.siteId,
				siteName: site.name,
				siteSlug: site.slug,
				slug: equipmentModel.slug,
				kitSlug: kit.slug,
				person: { id: user.id, email: user.email, locale: user.locale }
			})
			.from(waitlistEntry)
			.innerJoin(user, eq(user.id, waitlistEntry.userId))
			.innerJoin(site, eq(site.id, waitlistEntry.siteId))
			.leftJoin(equipmentModel, eq(equipmentModel.id, waitlistEntry.modelId))
			.leftJoin(kit, eq(kit.id, waitlistEntry.kitId))
			.where(
				and(isNull(waitlistEntry.notifiedAt), gt(waitlistEntry.startsAt, now), eq(user.notifyWaitlist, true))
			)
			.orderBy(waitlistEntry.createdAt)
			.limit(200)
			.for('update', { of: waitlistEntry, skipLocked: true });
		const freed: string[] = [];
		for (const entry of entries) {
			const item = await findBookable(tx, entry.slug ?? entry.kitSlug ?? '');
			if (!item) continue;
			const period = { start: entry.start, end: entry.end };
			const maxBuffer = Math.max(...item.lines.map((line) => line.bufferMinutes)) * 60_000;
			const occupancy = await loadOccupancy(tx, {
				modelIds: item.lines.map((line) => line.modelId),
				siteIds: [entry.siteId],
				window: { start: entry.start, end: new Date(entry.end.getTime() + maxBuffer) }
			});
			if (bookableCount(occupancy, item.lines, entry.siteId, period) === 0) continue;
			const { locale } = entry.person;
			const name = pickLocalized(item.name, locale);
			await queueMail(tx, context.mailer.mode, {
				to: entry.person.email,
				recipientUserId: entry.person.id,
				kind: 'waitlist.freed',
				subject: m.mail_waitlist_freed_subject({ item: name }, { locale }),
				text: m.mail_waitlist_freed_body(
					{
						item: name,
						site: entry.siteName,
						start: formatForMail(entry.start, locale, context.timeZone),
						end: formatForMail(entry.end, locale, context.timeZone),
						url: `${context.origin}/equipment/${item.slug}?site=${entry.siteSlug}`
					},
					{ locale }
				)
			});
			freed.push(entry.id);
		}
		if (freed.length > 0) {
			await tx.update(waitlistEntry).set({ notifiedAt: now }).where(inArray(waitlistEntry.id, freed));
		}
		return freed.length;
	});
	if (told > 0) context.mailer.nudge();
	return told;
}
