import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { zonedInstant } from '../../time/zoned';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const NOTE_MAX_LENGTH = 500;
// Anything outside these years is a typo or a probe, never a loan.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const slugField = (required: () => string) =>
	z.string({ error: required }).trim().min(1, { error: required }).regex(SLUG, { error: required });

const plausible = (instant: Date) => instant.getTime() >= EARLIEST && instant.getTime() < LATEST;

/** An ISO 8601 date and time with its offset, as the API takes it. */
const instantField = (required: () => string) =>
	z
		.string({ error: required })
		.min(1, { error: required })
		.pipe(z.iso.datetime({ offset: true, error: () => m.booking_instant_invalid() }))
		.transform((text) => new Date(text))
		.refine(plausible, { error: () => m.booking_date_absurd() });

const noteField = z
	.string()
	.trim()
	.max(NOTE_MAX_LENGTH, { error: () => m.booking_note_too_long({ max: NOTE_MAX_LENGTH }) })
	.optional()
	.transform((note) => note || undefined);

export const bookingRequestSchema = z.object({
	equipment: slugField(() => m.booking_equipment_required()),
	site: slugField(() => m.booking_site_required()),
	start: instantField(() => m.booking_start_required()),
	end: instantField(() => m.booking_end_required()),
	groupId: z.uuid({ error: () => m.booking_group_unknown() }).optional(),
	projectId: z.uuid({ error: () => m.booking_project_unknown() }).optional(),
	note: noteField
});

export type BookingRequest = z.output<typeof bookingRequestSchema>;

const dateField = (required: () => string) =>
	z
		.string({ error: required })
		.min(1, { error: required })
		.pipe(z.iso.date({ error: () => m.booking_date_invalid() }))
		.refine((date) => plausible(new Date(`${date}T12:00:00Z`)), { error: () => m.booking_date_absurd() });

const timeField = (required: () => string) =>
	z
		.string({ error: required })
		.min(1, { error: required })
		.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.booking_time_invalid() });

/**
 * The booking form: a date and a time for each end, on the city's clock (native inputs on phones).
 * Field errors name the form's inputs; the result has the API's shape.
 */
export function bookingFormSchema(timeZone: string) {
	return z
		.object({
			equipment: slugField(() => m.booking_equipment_required()),
			site: slugField(() => m.booking_site_required()),
			startDate: dateField(() => m.booking_start_required()),
			startTime: timeField(() => m.booking_start_required()),
			endDate: dateField(() => m.booking_end_required()),
			endTime: timeField(() => m.booking_end_required()),
			note: noteField
		})
		.transform(({ startDate, startTime, endDate, endTime, ...rest }) => ({
			...rest,
			start: zonedInstant(startDate, startTime, timeZone),
			end: zonedInstant(endDate, endTime, timeZone)
		}));
}

/** "Free between A and B" in the catalogue, and the span of an availability view. */
export const periodQuerySchema = z
	.object({
		from: z.iso.datetime({ offset: true, error: () => m.booking_instant_invalid() }).optional(),
		to: z.iso.datetime({ offset: true, error: () => m.booking_instant_invalid() }).optional()
	})
	.transform(({ from, to }) => ({
		from: from ? new Date(from) : undefined,
		to: to ? new Date(to) : undefined
	}))
	.refine(({ from, to }) => (from === undefined) === (to === undefined), {
		error: () => m.booking_end_required(),
		path: ['to']
	})
	.refine(({ from, to }) => !from || !to || (plausible(from) && plausible(to)), {
		error: () => m.booking_date_absurd(),
		path: ['from']
	})
	.refine(({ from, to }) => !from || !to || from < to, {
		error: () => m.booking_rule_end_before_start(),
		path: ['to']
	});
