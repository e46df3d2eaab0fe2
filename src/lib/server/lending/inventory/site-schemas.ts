import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { issuesOf } from '../../forms';
import { InvalidInput, type Issue } from '../../errors';
import { frenchText, optionalText } from './fields';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Two opening periods a day are enough for a lunch break. */
export const SLOTS_PER_DAY = 2;

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const coordinate = (min: number, max: number, message: () => string) =>
	z.coerce.number({ error: message }).min(min, { error: message }).max(max, { error: message });

export type Slot = { weekday: number; opensAt: string; closesAt: string };

const siteDetailsSchema = z.object({
	name: frenchText(120, () => m.site_name_required()),
	address: frenchText(300, () => m.site_address_required()),
	latitude: coordinate(-90, 90, () => m.site_latitude_invalid()),
	longitude: coordinate(-180, 180, () => m.site_longitude_invalid())
});

/** The week's opening periods posted as `hours.<weekday>.<slot>.opens` / `.closes` (both empty for none). */
function weeklySlots(fields: Record<string, unknown>, issues: Issue[]): Slot[] {
	const slots: Slot[] = [];
	for (const weekday of WEEKDAYS) {
		for (let slot = 0; slot < SLOTS_PER_DAY; slot += 1) {
			const path = `hours.${weekday}.${slot}`;
			const opensAt = String(fields[`${path}.opens`] ?? '').trim();
			const closesAt = String(fields[`${path}.closes`] ?? '').trim();
			if (!opensAt && !closesAt) continue;
			if (!clock.test(opensAt) || !clock.test(closesAt) || minutes(opensAt) >= minutes(closesAt)) {
				issues.push({ path: `${path}.opens`, message: m.site_hours_invalid() });
				continue;
			}
			const overlapping = slots.some(
				(other) =>
					other.weekday === weekday &&
					minutes(opensAt) < minutes(other.closesAt) &&
					minutes(other.opensAt) < minutes(closesAt)
			);
			if (overlapping) {
				issues.push({ path: `${path}.opens`, message: m.site_hours_overlap() });
				continue;
			}
			slots.push({ weekday, opensAt, closesAt });
		}
	}
	return slots;
}

/** A site's form, every mistake in it reported at once: details and each weekday's hours. */
export function parseSiteForm(input: unknown) {
	const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
	const issues: Issue[] = [];
	const details = siteDetailsSchema.safeParse(fields);
	if (!details.success) {
		issues.push(...issuesOf(details.error));
	}
	const slots = weeklySlots(fields, issues);
	if (!details.success || issues.length > 0) throw new InvalidInput(issues);
	return { ...details.data, slots };
}

const day = z.iso.date({ error: () => m.site_closure_date_invalid() });

export const closureSchema = z
	.object({
		startsOn: day,
		endsOn: day,
		reasonFr: frenchText(200, () => m.site_closure_reason_required()),
		reasonEn: optionalText(200)
	})
	.refine((closure) => closure.startsOn <= closure.endsOn, {
		path: ['endsOn'],
		error: () => m.site_closure_order()
	});
