import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { InvalidInput } from '../errors';
import { parseInput } from '../forms';
import { findBookable, sitesLending } from './bookable';
import { waitlistEntry } from './bookings.table';
import type { LendingContext } from './context';
import { bookingRequestSchema } from './schemas';

/** "Tell me if it frees up": remembered once per person, item, site and period. */
export async function joinWaitlist(
	db: Database,
	actor: Actor | null,
	input: unknown,
	context: Pick<LendingContext, 'now'>
): Promise<void> {
	authorize(actor, 'waitlist.join');
	const request = parseInput(bookingRequestSchema, input);
	if (request.end <= request.start) {
		throw new InvalidInput([{ path: 'end', message: m.booking_rule_end_before_start() }]);
	}
	if (request.start < context.now())
		throw new InvalidInput([{ path: 'start', message: m.booking_rule_in_past() }]);
	const item = await findBookable(db, request.equipment);
	if (!item) throw new InvalidInput([{ path: 'equipment', message: m.booking_unknown_equipment() }]);
	const site = (await sitesLending(db, item)).find((candidate) => candidate.slug === request.site);
	if (!site) throw new InvalidInput([{ path: 'site', message: m.booking_unknown_site() }]);
	await db
		.insert(waitlistEntry)
		.values({
			userId: actor.userId,
			modelId: item.kind === 'model' ? item.id : null,
			kitId: item.kind === 'kit' ? item.id : null,
			siteId: site.id,
			startsAt: request.start,
			endsAt: request.end
		})
		.onConflictDoNothing();
}
