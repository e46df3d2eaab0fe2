import { zonedParts } from '../../time/zoned';

export type LoanPolicy = { maxLoanDays: number; maxAdvanceDays: number; bufferMinutes: number };

export type SiteSchedule = {
	hours: { weekday: number; opensAt: string; closesAt: string }[];
	closures: { startsOn: string; endsOn: string }[];
};

/** Why a period breaks a rule; the use case words it in the person's language. */
export type RuleBreach =
	| { path: 'end'; rule: 'end_before_start' }
	| { path: 'start'; rule: 'in_past' }
	| { path: 'start'; rule: 'too_far_ahead'; days: number }
	| { path: 'end'; rule: 'too_long'; days: number }
	| { path: 'start' | 'end'; rule: 'site_closed_that_day'; date: string }
	| { path: 'start' | 'end'; rule: 'outside_opening_hours'; date: string; hours: string[] };

const DAY = 24 * 60 * 60 * 1000;

const minutesOf = (clock: string) => {
	const [hours, minutes] = clock.split(':').map(Number);
	return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** Opening hours on a date as "10:00–18:00" strings, or an empty list when the site is closed. */
export function hoursOn(schedule: SiteSchedule, date: string, weekday: number): string[] {
	if (schedule.closures.some((closure) => closure.startsOn <= date && date <= closure.endsOn)) return [];
	return schedule.hours
		.filter((slot) => slot.weekday === weekday)
		.sort((a, b) => minutesOf(a.opensAt) - minutesOf(b.opensAt))
		.map((slot) => `${slot.opensAt.slice(0, 5)}–${slot.closesAt.slice(0, 5)}`);
}

/**
 * Pick-up and return both happen at the desk, so each must fall while it is open: a pick-up from
 * opening time up to closing, a return after opening up to closing time itself.
 */
function deskBreach(
	path: 'start' | 'end',
	instant: Date,
	schedule: SiteSchedule,
	timeZone: string
): RuleBreach | undefined {
	const { date, weekday, minutes } = zonedParts(instant, timeZone);
	if (schedule.closures.some((closure) => closure.startsOn <= date && date <= closure.endsOn)) {
		return { path, rule: 'site_closed_that_day', date };
	}
	const slots = schedule.hours.filter((slot) => slot.weekday === weekday);
	const open = slots.some((slot) => {
		const opens = minutesOf(slot.opensAt);
		const closes = minutesOf(slot.closesAt);
		return path === 'start' ? opens <= minutes && minutes < closes : opens < minutes && minutes <= closes;
	});
	if (open) return undefined;
	if (slots.length === 0) return { path, rule: 'site_closed_that_day', date };
	return { path, rule: 'outside_opening_hours', date, hours: hoursOn(schedule, date, weekday) };
}

/** Every lending rule a period breaks, in the order a person would fix them. */
export function breachesOf(
	period: { start: Date; end: Date },
	policy: LoanPolicy,
	schedule: SiteSchedule,
	context: { now: Date; timeZone: string }
): RuleBreach[] {
	const { start, end } = period;
	if (end <= start) return [{ path: 'end', rule: 'end_before_start' }];
	const breaches: RuleBreach[] = [];
	if (start < context.now) breaches.push({ path: 'start', rule: 'in_past' });
	else if (start.getTime() > context.now.getTime() + policy.maxAdvanceDays * DAY) {
		breaches.push({ path: 'start', rule: 'too_far_ahead', days: policy.maxAdvanceDays });
	}
	if (end.getTime() - start.getTime() > policy.maxLoanDays * DAY) {
		breaches.push({ path: 'end', rule: 'too_long', days: policy.maxLoanDays });
	}
	for (const [path, instant] of [
		['start', start],
		['end', end]
	] as const) {
		const breach = deskBreach(path, instant, schedule, context.timeZone);
		if (breach) breaches.push(breach);
	}
	return breaches;
}

/** A kit follows the strictest policy among its models. */
export function strictestPolicy(policies: LoanPolicy[]): LoanPolicy {
	return {
		maxLoanDays: Math.min(...policies.map((policy) => policy.maxLoanDays)),
		maxAdvanceDays: Math.min(...policies.map((policy) => policy.maxAdvanceDays)),
		bufferMinutes: Math.max(...policies.map((policy) => policy.bufferMinutes))
	};
}
