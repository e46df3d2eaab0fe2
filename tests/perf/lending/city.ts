// A large city for the lending benchmark, written straight into a migrated database with
// INSERT … SELECT generate_series: sites with opening hours, categories, models, units, residents
// and, for every unit, a history of non-overlapping bookings reaching 59 days ahead.
import type { Sql } from 'postgres';

export type CityScale = {
	sites: number;
	categories: number;
	models: number;
	/** Units in the whole city, the demo's included. */
	units: number;
	residents: number;
	bookings: number;
};

export const SCALES = {
	full: { sites: 12, categories: 24, models: 400, units: 5_000, residents: 40_000, bookings: 1_000_000 },
	ci: { sites: 8, categories: 12, models: 150, units: 1_500, residents: 8_000, bookings: 100_000 }
} satisfies Record<string, CityScale>;

export const TIME_ZONE = 'Europe/Paris';
/** Bookings reach this many days ahead (the models' limit is 60). */
const AHEAD_DAYS = 59;
/** How far back the history may go. */
const HISTORY_DAYS = 730;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

// Weekly hours (ISO weekday, opens, closes): Capucins-like, office hours, afternoons, lunch break.
const HOURS: [number, string, string][][] = [
	[2, 3, 4, 5, 6].map((day) => [day, '10:00', '18:00']),
	[1, 2, 3, 4, 5].map((day) => [day, '09:00', '17:00']),
	[...[2, 3, 4, 5].map((day): [number, string, string] => [day, '14:00', '19:00']), [6, '10:00', '18:00']],
	[3, 4, 5, 6, 7].flatMap((day): [number, string, string][] => [
		[day, '10:00', '12:00'],
		[day, '13:30', '18:00']
	])
];

/** A six-character booking code from a number: multiplying by an odd number is a bijection mod 32^6. */
const codeOf = (n: string) =>
	Array.from(
		{ length: 6 },
		(_, digit) => `substr('${ALPHABET}', ((${n} >> ${5 * digit}) & 31)::int + 1, 1)`
	).join(' || ');

export type GenerationReport = {
	steps: [string, number][];
	totalSeconds: number;
	counts: Record<string, number>;
};

/** Fills the city; `passwordHash` is the one credential every generated resident shares. */
export async function generateCity(
	sql: Sql,
	scale: CityScale,
	passwordHash: string,
	now = new Date()
): Promise<GenerationReport> {
	const steps: [string, number][] = [];
	const started = performance.now();
	const step = async (name: string, work: () => Promise<unknown>) => {
		const begin = performance.now();
		await work();
		steps.push([name, (performance.now() - begin) / 1000]);
	};
	await sql.unsafe(`set session_replication_role = replica`); // bulk load: no per-row triggers, checked below
	await step('sites, categories, models, units', () => equipment(sql, scale));
	await step('residents', () => residents(sql, scale, passwordHash));
	await step('plan bookings', () => planBookings(sql, scale, now));
	await step('insert bookings', () =>
		sql.unsafe(`insert into booking (id, code, user_id, model_id, site_id, starts_at, ends_at, status,
				created_at, updated_at, cancelled_at, decided_at, checked_out_at, returned_at)
			select id, code, user_id, model_id, site_id, starts_at, ends_at, status,
				created_at, created_at, cancelled_at, decided_at, checked_out_at, returned_at
			from perf_plan order by created_at`)
	);
	await step('insert booking units', () =>
		sql.unsafe(`insert into booking_unit (booking_id, unit_id, starts_at, blocked_until, active)
			select id, unit_id, starts_at, blocked_until, booking_status_is_active(status)
			from perf_plan order by created_at`)
	);
	await sql.unsafe(`set session_replication_role = origin`);
	// The load skipped triggers, among them the one telling instances that the inventory changed.
	await sql.unsafe(`update inventory_version set version = version + 1`);
	await step('check integrity', () => checkIntegrity(sql));
	await sql.unsafe(`drop table perf_plan, perf_resident`);
	await step('vacuum analyze', () => sql.unsafe(`vacuum analyze`));
	const [counts] = await sql.unsafe<{ [table: string]: number }[]>(`select
		(select count(*)::int from equipment_unit) as units,
		(select count(*)::int from equipment_model) as models,
		(select count(*)::int from site) as sites,
		(select count(*)::int from "user") as people,
		(select count(*)::int from booking) as bookings,
		(select count(*)::int from booking_unit where active) as active_holds`);
	return { steps, totalSeconds: (performance.now() - started) / 1000, counts: { ...counts } };
}

async function equipment(sql: Sql, scale: CityScale) {
	const [sites] = await sql.unsafe<{ existing: number }[]>(`select count(*)::int as existing from site`);
	await sql.unsafe(
		`insert into site (slug, name, address, latitude, longitude)
		select format('quartier-%s', lpad(i::text, 2, '0')), format('Maison de quartier n° %s', i),
			format('%s rue de Siam, 29200 Brest', i), 48.39 + (i % 7) * 0.004, -4.49 - (i % 5) * 0.005
		from generate_series(1, $1::int) i`,
		[Math.max(0, scale.sites - (sites?.existing ?? 0))]
	);
	const hours = HOURS.map(
		(week, pattern) =>
			`select ${pattern} as pattern, * from (values ${week.map(([day, opens, closes]) => `(${day}, '${opens}'::time, '${closes}'::time)`).join(', ')}) as h(weekday, opens_at, closes_at)`
	).join(' union all ');
	await sql.unsafe(`insert into site_opening_hours (site_id, weekday, opens_at, closes_at)
		select s.id, h.weekday, h.opens_at, h.closes_at
		from (select id, row_number() over (order by slug) as n from site where slug like 'quartier-%') s
		join (${hours}) h on h.pattern = s.n % ${HOURS.length}`);
	// The public holidays of the demo sites close the new ones too.
	await sql.unsafe(`insert into site_closure (site_id, starts_on, ends_on, reason)
		select s.id, c.starts_on, c.ends_on, c.reason from site s
		cross join (select distinct starts_on, ends_on, reason from site_closure) c
		where s.slug like 'quartier-%'`);
	await sql.unsafe(
		`insert into equipment_category (slug, name, position)
		select format('famille-%s', lpad(i::text, 2, '0')),
			jsonb_build_object('fr', format('Famille %s', i), 'en', format('Family %s', i)), 10 + i
		from generate_series(1, $1::int) i`,
		[scale.categories]
	);
	await sql.unsafe(
		`insert into equipment_model (slug, category_id, name, description, in_the_box, buffer_minutes, approval_required)
		select format('materiel-%s', lpad(i::text, 4, '0')), c.id,
			jsonb_build_object('fr', format('Matériel n° %s', i), 'en', format('Equipment no. %s', i)),
			jsonb_build_object('fr', format('Un appareil prêté par la ville (modèle %s) : léger, robuste, facile à prendre en main pour vos projets de quartier.', i),
				'en', format('A device the city lends (model %s): light, sturdy and easy to use for neighbourhood projects.', i)),
			jsonb_build_object('fr', 'Appareil, câbles, housse.', 'en', 'Device, cables, pouch.'),
			(array[30, 60, 60, 120])[1 + i % 4], i % 12 = 0
		from generate_series(1, $1::int) i
		join (select id, row_number() over (order by slug) - 1 as n from equipment_category where slug like 'famille-%') c
			on c.n = i % $2::int`,
		[scale.models, scale.categories]
	);
	// Each model has units at one to three neighbouring sites; a few units are out of service or retired.
	await sql.unsafe(
		`with models as (select id, row_number() over (order by slug) - 1 as n from equipment_model where slug like 'materiel-%'),
			sites as (select id, row_number() over (order by slug) - 1 as n from site),
			wanted as (select greatest(0, $1::int - (select count(*) from equipment_unit))::int as n)
		insert into equipment_unit (model_id, site_id, asset_tag, serial_number, status)
		select m.id, s.id, format('BRE-M%s-%s', lpad(m.n::text, 4, '0'), lpad(i::text, 5, '0')), format('SN-%s', i),
			(case when i % 97 = 0 then 'out_of_service' when i % 89 = 0 then 'retired' else 'in_service' end)::unit_status
		from wanted, generate_series(0, wanted.n - 1) i
		join models m on m.n = i % $2::int
		join sites s on s.n = (m.n + (i / $2::int) % (1 + m.n % 3)) % $3::int`,
		[scale.units, scale.models, scale.sites]
	);
}

async function residents(sql: Sql, scale: CityScale, passwordHash: string) {
	await sql.unsafe(
		`create unlogged table perf_resident as
		select i - 1 as n, gen_random_uuid() as id from generate_series(1, $1::int) i`,
		[scale.residents]
	);
	await sql.unsafe(`alter table perf_resident add primary key (n)`);
	await sql.unsafe(`insert into "user" (id, name, email, email_verified, locale)
		select id, format('Habitant·e %s', n + 1), format('resident-%s@perf.example.org', lpad((n + 1)::text, 6, '0')),
			true, case when n % 5 = 0 then 'en' else 'fr' end
		from perf_resident`);
	await sql.unsafe(
		`insert into account (user_id, account_id, provider_id, password)
		select id, id::text, 'credential', $1 from perf_resident`,
		[passwordHash]
	);
}

/**
 * Every unit gets `perUnit` slots of `days` days ending 59 days from now; a booking sits inside
 * its slot (start 10:00–14:30 on the city's clock, a few hours or up to `days - 1` days, plus the
 * model's buffer of at most two hours), so no two periods of a unit ever overlap.
 */
async function planBookings(sql: Sql, scale: CityScale, now: Date) {
	const [counted] = await sql.unsafe<{ units: number }[]>(
		`select count(*)::int as units from equipment_unit`
	);
	const units = counted?.units ?? 1;
	const perUnit = Math.floor(scale.bookings / units);
	const extra = scale.bookings % units; // the first `extra` units get one booking more
	const days = Math.max(1, Math.floor((HISTORY_DAYS + AHEAD_DAYS) / (perUnit + 1)));
	const today = now.toLocaleDateString('en-CA', { timeZone: TIME_ZONE });
	await sql.unsafe(
		`create unlogged table perf_plan as
		with units as (
			select u.id as unit_id, u.model_id, u.site_id, u.status = 'in_service' as in_service,
				m.buffer_minutes, m.approval_required, row_number() over (order by u.asset_tag) - 1 as k
			from equipment_unit u join equipment_model m on m.id = u.model_id
		), slots as (
			select units.*, i, k * $1::int + least(k, $2::int) + i as g,
				$1::int + (k < $2::int)::int as slots,
				abs(hashint8(k * 100003 + i)::bigint) as r
			from units, generate_series(0, $1::int + (k < $2::int)::int - 1) i
		), timed as (
			select slots.*, local_start at time zone '${TIME_ZONE}' as starts_at,
				(local_start + length) at time zone '${TIME_ZONE}' as ends_at
			from slots,
				lateral (select ($4::date + ${AHEAD_DAYS} - (slots.slots - i) * $3::int)
					+ make_interval(hours => 10 + (r % 5)::int, mins => 30 * ((r / 5) % 2)::int) as local_start) s,
				lateral (select case when $3::int = 1 or (r / 10) % 100 < 35
					then make_interval(hours => 2 + ((r / 1000) % 2)::int)
					else make_interval(days => 1 + ((r / 1000) % least($3::int - 1, 7))::int) end as length) l
		), stated as (
			select timed.*, (case
				when ends_at <= $5 then case when (r / 7) % 100 < 86 then 'returned' when (r / 7) % 100 < 95 then 'cancelled'
					when (r / 7) % 100 < 98 then 'no_show' else 'rejected' end
				when not in_service then 'cancelled'
				when starts_at <= $5 then 'checked_out'
				when (r / 7) % 100 < 7 then 'cancelled'
				when approval_required and (r / 7) % 2 = 0 then 'requested'
				else 'confirmed' end)::booking_status as status
			from timed
		), owned as (
			-- The j-th future active booking goes to resident j mod N: nobody holds more than the limit.
			select stated.*, case when booking_status_is_active(status)
				then (row_number() over (partition by booking_status_is_active(status) order by g) - 1) % $6::int
				else abs(hashint8(g)::bigint) % $6::int end as resident
			from stated
		)
		select gen_random_uuid() as id, ${codeOf('((g * 387420489 + 11) % 1073741824)')} as code,
			p.id as user_id, unit_id, model_id, site_id, starts_at, ends_at,
			ends_at + make_interval(mins => buffer_minutes) as blocked_until, status,
			least($5::timestamptz, starts_at - make_interval(days => 1 + (r % 20)::int, hours => (r % 11)::int)) as created_at,
			case when status = 'cancelled' then least($5::timestamptz, starts_at - interval '12 hours') end as cancelled_at,
			case when approval_required and status in ('confirmed', 'rejected', 'returned', 'checked_out')
				then least($5::timestamptz, starts_at - interval '2 days') end as decided_at,
			case when status in ('returned', 'checked_out') then starts_at end as checked_out_at,
			case when status = 'returned' then ends_at end as returned_at
		from owned join perf_resident p on p.n = owned.resident`,
		[perUnit, extra, days, today, now.toISOString(), scale.residents]
	);
	const [busiest] = await sql.unsafe<{ most: number }[]>(
		`select coalesce(max(n), 0)::int as most from (select count(*) as n from perf_plan
		where booking_status_is_active(status) group by user_id) c`
	);
	if ((busiest?.most ?? 0) > 3)
		throw new Error(`${busiest?.most} active bookings for one resident: raise residents`);
}

/** The bulk load skipped triggers and foreign-key checks; prove it broke nothing they guard. */
async function checkIntegrity(sql: Sql) {
	const [problems] = await sql.unsafe<{ [check: string]: number }[]>(`select
		(select count(*)::int from booking b left join "user" u on u.id = b.user_id where u.id is null) as bookings_without_person,
		(select count(*)::int from booking_unit bu left join equipment_unit u on u.id = bu.unit_id where u.id is null) as holds_without_unit,
		(select count(*)::int from booking_unit bu join booking b on b.id = bu.booking_id
			where bu.active <> booking_status_is_active(b.status)) as holds_out_of_step`);
	const broken = Object.entries(problems ?? {}).filter(([, n]) => n > 0);
	if (broken.length > 0) throw new Error(`generated data is inconsistent: ${JSON.stringify(broken)}`);
}
