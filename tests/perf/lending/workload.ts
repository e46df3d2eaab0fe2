// What the benchmark asks for: "what is free" windows of a few hours in the coming weeks, and
// booking requests that the rules accept (open desk at both ends, within 60 days), each for a
// different model, site and day, so that nearly all of them find a free unit.
import type { Sql } from 'postgres';
import { addDays, zonedInstant, zonedParts } from '../../../src/lib/time/zoned';
import { TIME_ZONE } from './city';

export type Window = { from: Date; to: Date };
export type BookingRequest = { equipment: string; site: string; start: string; end: string };

const at = (date: string, minutes: number) =>
	zonedInstant(
		date,
		`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
		TIME_ZONE
	);

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** A fixed-seed shuffle, so that two runs ask the same questions in the same order. */
function shuffled<T>(items: T[], seed: number): T[] {
	const copy = [...items];
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy;
}

/** 64 windows of 2–4 hours starting 10:00–14:00, spread over the next eight weeks. */
export function catalogueWindows(now: Date): Window[] {
	const today = zonedParts(now, TIME_ZONE).date;
	return Array.from({ length: 64 }, (_, i) => {
		const date = addDays(today, 1 + ((i * 7) % 57));
		const from = at(date, (10 + (i % 5)) * 60);
		return { from, to: new Date(from.getTime() + (2 + (i % 3)) * 3_600_000) };
	});
}

/** A window of 2–4 hours in the coming eight weeks, a different one for each index (to about 200,000). */
export function unaskedWindow(now: Date, index: number): Window {
	const today = zonedParts(now, TIME_ZONE).date;
	const from = at(addDays(today, 1 + (index % 57)), 8 * 60 + (Math.floor(index / 57) % 360));
	return { from, to: new Date(from.getTime() + (120 + (index % 120)) * 60_000) };
}

export const windowQuery = ({ from, to }: Window) =>
	`/api/equipment?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;

/**
 * Two hours from opening time at every site lending a generated model, on every open day from
 * the day after tomorrow; even days go to the HTTP run, odd days to the direct one.
 */
export async function bookingRequests(
	sql: Sql,
	now: Date
): Promise<{ http: BookingRequest[]; direct: BookingRequest[] }> {
	const pairs = await sql<{ equipment: string; site: string; siteId: string }[]>`
		select m.slug as equipment, s.slug as site, s.id as "siteId"
		from equipment_unit u join equipment_model m on m.id = u.model_id join site s on s.id = u.site_id
		where m.slug like 'materiel-%' and u.status = 'in_service' and m.required_module_id is null
		group by 1, 2, 3 order by 1, 2`;
	const hours = await sql<{ siteId: string; weekday: number; opens: string; closes: string }[]>`
		select site_id as "siteId", weekday, opens_at::text as opens, closes_at::text as closes
		from site_opening_hours order by opens_at`;
	const closures = await sql<{ siteId: string; startsOn: string; endsOn: string }[]>`
		select site_id as "siteId", starts_on::text as "startsOn", ends_on::text as "endsOn" from site_closure`;
	const today = zonedParts(now, TIME_ZONE).date;
	const pools: { http: BookingRequest[]; direct: BookingRequest[] } = { http: [], direct: [] };
	for (let offset = 2; offset <= 57; offset++) {
		const date = addDays(today, offset);
		const weekday = zonedParts(at(date, 12 * 60), TIME_ZONE).weekday;
		for (const pair of pairs) {
			if (closures.some((c) => c.siteId === pair.siteId && c.startsOn <= date && date <= c.endsOn)) continue;
			const slot = hours.find((h) => h.siteId === pair.siteId && h.weekday === weekday);
			if (!slot || minutesOf(slot.closes) - minutesOf(slot.opens) < 120) continue;
			const start = at(date, minutesOf(slot.opens));
			(offset % 2 === 0 ? pools.http : pools.direct).push({
				equipment: pair.equipment,
				site: pair.site,
				start: start.toISOString(),
				end: at(date, minutesOf(slot.opens) + 120).toISOString()
			});
		}
	}
	return { http: shuffled(pools.http, 7), direct: shuffled(pools.direct, 11) };
}

/** Residents with no booking yet, who all share `passwordHash`. */
export async function benchResidents(
	sql: Sql,
	prefix: string,
	count: number,
	passwordHash: string
): Promise<{ id: string; email: string }[]> {
	const people = await sql<{ id: string; email: string }[]>`
		insert into "user" (name, email, email_verified, locale)
		select format('Banc %s', i), format('%s-%s@perf.example.org', ${prefix}::text, lpad(i::text, 5, '0')), true, 'fr'
		from generate_series(1, ${count}::int) i
		returning id, email`;
	await sql`insert into account (user_id, account_id, provider_id, password)
		select id, id::text, 'credential', ${passwordHash} from "user" where email like ${`${prefix}-%`}`;
	return people.sort((a, b) => a.email.localeCompare(b.email));
}
