// Commons trails at the scale of a busy city, written straight into a migrated database with
// INSERT … SELECT generate_series: groups, their published projects, 2,000 published trails with
// paths of 50–300 points around Brest, 50,000 stops with a 300-character text and one audio item
// each (the row only, no file) carrying a 600-character transcript, and for every trail the
// `published` snapshot that trailSnapshot() would write — checked against it on a sample.
import { deepStrictEqual } from 'node:assert';
import { eq } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { openDatabase } from '../../../src/lib/server/db/client';
import { pathLengthMetres, walkingMinutes } from '../../../src/lib/server/trails/geo/measure';
import type { Position } from '../../../src/lib/server/trails/geo/types';
import { trailSnapshot } from '../../../src/lib/server/trails/snapshot';
import { trail } from '../../../src/lib/server/trails/trails.table';

export type TrailsScale = { groups: number; trails: number; stops: number };

export const SCALES = {
	full: { groups: 200, trails: 2_000, stops: 50_000 },
	ci: { groups: 40, trails: 400, stops: 10_000 }
} satisfies Record<string, TrailsScale>;

export type GenerationReport = {
	steps: [string, number][];
	totalSeconds: number;
	counts: Record<string, number>;
};

/** Where the generated trails start: around Brest's centre, within about 2 km. */
const BREST = { lat: 48.39, lng: -4.49 };
const METRES_PER_DEGREE = 111_195;

const PLACES = [
	'Recouvrance',
	'Siam',
	'Saint-Martin',
	'Lambézellec',
	'Saint-Marc',
	'Bellevue',
	'Kérinou',
	'Kerbonne',
	'Saint-Pierre',
	'Quéliverzan',
	'Pontanézen',
	'Keredern',
	'Kervallon',
	'Kerangoff',
	'Bergot',
	'Kerourien',
	'Kerichen',
	'Kerigonan',
	'Penfeld',
	'Harteloire'
];
const GROUP_PREFIXES = [
	'Collectif sonore de',
	'Association des habitants de',
	'École élémentaire de',
	'Atelier radio de',
	'Mémoires de',
	'Les Voix de',
	'Comité de quartier de',
	'Coopérative culturelle de',
	'Club photo de',
	'Maison pour tous de'
];
const GROUP_KINDS = ['association', 'collective', 'school', 'business'];
const PROJECT_TITLES = [
	'Paroles de quartier',
	'La ville entendue',
	'Traces et récits',
	'Échos du port',
	'Mémoires ouvrières',
	'Chemins d’écoute',
	'Les sons d’hier et d’aujourd’hui',
	'Portraits sonores'
];
const THEMES = ['heritage', 'memory', 'sound', 'art', 'nature', 'maritime', 'neighbourhood'];
const LICENCES = ['cc-by-4.0', 'cc-by-sa-4.0', 'cc0-1.0', 'cc-by-nc-sa-4.0'];
// Trail titles "<walk> : <place>, <angle>" with slugs "<walk-slug>-<place-slug>-<n>".
const WALKS = [
	['Balade sonore', 'balade-sonore'],
	['Parcours mémoire', 'parcours-memoire'],
	['Promenade commentée', 'promenade-commentee'],
	['Itinéraire d’écoute', 'itineraire-ecoute'],
	['Chemin des voix', 'chemin-des-voix'],
	['Déambulation', 'deambulation']
];
const ANGLES = [
	'les voix du port',
	'mémoires ouvrières',
	'la reconstruction',
	'chants de marins',
	'jardins partagés',
	'escaliers et venelles',
	'la rade au loin',
	'récits d’habitantes',
	'les commerces disparus',
	'l’arsenal et ses métiers'
];
const STOP_PREFIXES = ['Devant', 'Au pied de', 'Le long de', 'Au coin de', 'Face à', 'Près de', 'En haut de'];
const LANDMARKS = [
	'la tour Tanguy',
	'la rue Saint-Malo',
	'l’escalier de la rue Vauban',
	'la place Guérin',
	'le pont de Recouvrance',
	'la fontaine de la rue Neuve',
	'l’ancienne boulangerie',
	'la halle du marché',
	'le lavoir du Pont-Neuf',
	'l’église Saint-Sauveur',
	'les Ateliers des Capucins',
	'la gare du téléphérique',
	'la rue de Siam',
	'le cours Dajot',
	'la porte Tourville',
	'le jardin des explorateurs',
	'le port de plaisance',
	'la rue de la Porte',
	'la place Wilson',
	'l’abri du square'
];
// Sentences that stop texts (four of them, cut at 300 characters) and transcripts (seven, cut
// at 600) are made of: realistic French prose, so lengths and compression ratios are too.
const SENTENCES = [
	'Ici, avant la guerre, les familles d’ouvriers de l’arsenal vivaient serrées dans des immeubles de trois étages, et les enfants jouaient dans la rue jusqu’à la nuit.',
	'Prenez le temps d’écouter : le bruit des grues du port se mêle encore aux cris des goélands et aux conversations des habitués du café d’en face.',
	'Marie-Thérèse, qui a grandi dans cette rue, raconte les lessives au lavoir, les bals du samedi soir et le jour où le quartier a été évacué en 1944.',
	'Les pierres de ce mur viennent des ruines de la ville ancienne : on les a réemployées pendant la reconstruction, ce qui explique leurs couleurs différentes.',
	'Depuis ce point, par temps clair, on aperçoit la rade, le goulet et, au loin, la presqu’île de Crozon où partaient les bateaux du dimanche.',
	'Le marché se tenait ici tous les mardis ; les maraîchers de Plougastel y vendaient leurs fraises, et l’on venait de tout Brest pour les acheter.',
	'Cet enregistrement a été réalisé avec les élèves de l’école voisine, qui ont interrogé leurs grands-parents sur la vie du quartier.',
	'Attention en traversant : la rue est en pente et les pavés sont glissants par temps de pluie, surtout dans la descente vers la Penfeld.',
	'Les anciens se souviennent des tramways qui montaient la côte en grinçant, et des marins qui descendaient en ville les soirs de permission.',
	'Aujourd’hui, le jardin partagé réunit une trentaine de familles qui cultivent des légumes, des fleurs et, chaque été, une belle fête de quartier.'
];

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const array = (items: string[]) => `array[${items.map(quote).join(', ')}]`;
/** The n-th item of a 1-based SQL array, n any integer expression. */
const pick = (items: string[], n: string) => `(${array(items)})[1 + ((${n}) % ${items.length})::int]`;
/** A stable pseudo-random non-negative integer from a SQL integer expression and a salt. */
const hash = (n: string, salt: number) => `abs(hashint8((${n})::bigint * 1000003 + ${salt}))`;
const sentences = (key: string, count: number, length: number) =>
	`left(concat_ws(' ', ${Array.from({ length: count }, (_, i) => pick(SENTENCES, `${hash(key, 40 + i)}`)).join(', ')}), ${length})`;

/** Fills the database; the demo's rows stay as they are. */
export async function generateTrails(sql: Sql, url: string, scale: TrailsScale): Promise<GenerationReport> {
	if (scale.trails % 2 !== 0 || scale.trails % scale.groups !== 0)
		throw new Error('trails must be even and a multiple of groups');
	const perTrail = scale.stops / scale.trails;
	if (!Number.isInteger(perTrail) || perTrail < 25) throw new Error('stops must be at least 25 per trail');
	const steps: [string, number][] = [];
	const started = performance.now();
	const step = async (name: string, work: () => Promise<unknown>) => {
		const begin = performance.now();
		await work();
		steps.push([name, (performance.now() - begin) / 1000]);
	};
	await step('groups and published projects', () => groupsAndProjects(sql, scale));
	await step('plan trails and paths', () => planTrails(sql, scale, perTrail));
	await step('lengths and walking times', () => lengths(sql));
	await step('trails, stops, audio media', () => trailsAndStops(sql));
	await step('published snapshots', () => snapshots(sql));
	await sql.unsafe(`drop table perf_project, perf_trail, perf_point, perf_stop`);
	await step('vacuum analyze', () => sql.unsafe(`vacuum analyze`));
	await step('check snapshots against trailSnapshot()', () => checkSnapshots(sql, url));
	const [counts] = await sql.unsafe<{ [table: string]: number }[]>(`select
		(select count(*)::int from "group") as groups,
		(select count(*)::int from project where published is not null) as published_projects,
		(select count(*)::int from trail where published is not null) as published_trails,
		(select count(*)::int from trail_stop) as stops,
		(select count(*)::int from project_media) as media,
		(select sum(jsonb_array_length(published -> 'path'))::int from trail where published is not null) as path_points,
		(select (sum(pg_column_size(published)) / 1024)::int from trail) as snapshots_stored_kb,
		(select (sum(octet_length(published::text)) / 1024)::int from trail) as snapshots_text_kb`);
	return { steps, totalSeconds: (performance.now() - started) / 1000, counts: { ...counts } };
}

async function groupsAndProjects(sql: Sql, scale: TrailsScale) {
	// g from 0: prefix g % 10 and place (g / 10) % 20 give 200 different names.
	await sql.unsafe(
		`insert into "group" (slug, name, kind, description, website, created_at)
		select format('perf-groupe-%s', lpad(g::text, 3, '0')),
			format('%s %s', ${pick(GROUP_PREFIXES, 'g')}, ${pick(PLACES, 'g / 10')}),
			${pick(GROUP_KINDS, 'g')}::group_kind,
			${sentences('g', 2, 240)},
			case when g % 3 = 0 then format('https://groupe-%s.example.org', g) end,
			now() - make_interval(days => 400 + g)
		from generate_series(0, $1::int - 1) g`,
		[scale.groups]
	);
	await sql.unsafe(`create unlogged table perf_project as
		select g.id as group_id, g.name as group_name, n,
			format('perf-projet-%s', lpad(n::text, 3, '0')) as slug,
			format('%s — %s', ${pick(PROJECT_TITLES, 'n')}, ${pick(PLACES, 'n / 10')}) as title,
			${sentences('n', 2, 200)} as summary,
			format(E'**%s** rassemble des récits et des sons du quartier.\\n\\n%s\\n\\n%s',
				${pick(PROJECT_TITLES, 'n')}, ${sentences('n + 7', 3, 420)}, ${sentences('n + 11', 2, 250)}) as description,
			case n % 3 when 0 then array[${pick(THEMES, 'n')}]
				when 1 then array[${pick(THEMES, 'n')}, ${pick(THEMES, 'n + 3')}]
				else array[${pick(THEMES, 'n')}, ${pick(THEMES, 'n + 3')}, ${pick(THEMES, 'n + 5')}] end as themes,
			format('Enregistrements et montage : %s. Voix : les habitantes et habitants du quartier.', g.name) as credits,
			${pick(LICENCES, 'n')}::licence as licence,
			now() - make_interval(days => (60 + n)::int) as published_at
		from (select id, name, row_number() over (order by slug) - 1 as n from "group" where slug like 'perf-groupe-%') g`);
	await sql.unsafe(`insert into project (slug, group_id, title, summary, description, themes, credits, licence,
			published, status, version, submitted_at, published_at, created_at, updated_at)
		select slug, group_id, title, summary, description, themes, credits, licence,
			jsonb_build_object('title', title, 'summary', summary, 'description', description, 'cover', null,
				'themes', to_jsonb(themes), 'credits', credits, 'licence', licence),
			'published', 1, published_at - interval '3 days', published_at, published_at - interval '30 days', published_at
		from perf_project`);
}

/**
 * One row per trail (stops per trail vary in pairs, 25 ± up to 21 at full scale, so the total is
 * exact) and its path: a meandering walk of 12–20 m steps, rounded to 6 decimals like the editor.
 */
async function planTrails(sql: Sql, scale: TrailsScale, perTrail: number) {
	const spread = Math.min(21, perTrail - 4);
	const perProject = scale.trails / scale.groups;
	const walk = (i: number) => WALKS.map((w) => w[i] ?? '');
	await sql.unsafe(
		`create unlogged table perf_trail as
		select t, gen_random_uuid() as id, p.id as project_id, p.licence, pp.group_name,
			format('%s-%s-%s', ${pick(walk(1), 't')}, lower(replace(translate(${pick(PLACES, 't / 6')}, 'éÉè', 'eEe'), ' ', '-')), t) as slug,
			format('%s : %s, %s', ${pick(walk(0), 't')}, ${pick(PLACES, 't / 6')}, ${pick(ANGLES, 't / 120')}) as title,
			${sentences('t', 2, 220)} as summary,
			${sentences('t + 3', 1, 160)} as accessibility,
			case when t % 2 = 1 then $1::int + ${hash('(t + 1) / 2', 1)} % ($2::int + 1)
				else $1::int - ${hash('(t + 1) / 2', 1)} % ($2::int + 1) end as n_stops,
			50 + ${hash('t', 2)} % 251 as n_points,
			${BREST.lat} + (${hash('t', 3)} % 4001 - 2000) * 0.00001 as lat0,
			${BREST.lng} + (${hash('t', 4)} % 6001 - 3000) * 0.00001 as lng0,
			(${hash('t', 5)} % 6283) / 1000.0 as heading0,
			(${hash('t', 6)} % 6283) / 1000.0 as phase,
			now() - make_interval(days => (${hash('t', 7)} % 700)::int, mins => (${hash('t', 8)} % 1440)::int) as published_at,
			null::jsonb as path, 0 as length_metres, 0 as walking_minutes
		from generate_series(1, $3::int) t
		join (select id, licence, slug, row_number() over (order by slug) - 1 as n from project where slug like 'perf-projet-%') p
			on p.n = (t - 1) / $4::int
		join perf_project pp on pp.slug = p.slug`,
		[perTrail, spread, scale.trails, perProject]
	);
	await sql.unsafe(`alter table perf_trail add primary key (t)`);
	await sql.unsafe(`create unlogged table perf_point as
		with steps as (
			select t, k, lat0, lng0, 12 + ${hash('t * 1000 + k', 9)} % 9 as metres,
				heading0 + 0.9 * sin(k / 9.0 + phase) + 0.35 * sin(k / 2.7 + 2 * phase) as heading
			from perf_trail, generate_series(0, n_points - 1) k
		)
		select t, k,
			trim_scale(round((lng0 + sum(case when k = 0 then 0 else metres * sin(heading) end) over w
				/ (${METRES_PER_DEGREE} * cos(radians(${BREST.lat}))))::numeric, 6)) as lng,
			trim_scale(round((lat0 + sum(case when k = 0 then 0 else metres * cos(heading) end) over w
				/ ${METRES_PER_DEGREE})::numeric, 6)) as lat
		from steps window w as (partition by t order by k)`);
	await sql.unsafe(`alter table perf_point add primary key (t, k)`);
	await sql.unsafe(`update perf_trail tr set path = p.path
		from (select t, jsonb_agg(jsonb_build_array(lng, lat) order by k) as path from perf_point group by t) p
		where p.t = tr.t`);
}

/** Length and walking time by the app's own functions, so they are exactly what trailSnapshot() computes. */
async function lengths(sql: Sql) {
	const rows = await sql<{ t: number; path: Position[] }[]>`select t, path from perf_trail`;
	const metres = rows.map((row) => pathLengthMetres(row.path));
	await sql`update perf_trail tr set length_metres = v.length_metres, walking_minutes = v.walking_minutes
		from unnest(${sql.array(rows.map((row) => row.t))}::int[],
			${sql.array(metres.map((m) => Math.round(m)))}::int[],
			${sql.array(metres.map((m) => walkingMinutes(m)))}::int[]) as v(t, length_metres, walking_minutes)
		where v.t = tr.t`;
}

async function trailsAndStops(sql: Sql) {
	// Submitted until the snapshot is written (a published trail must have one).
	await sql.unsafe(`insert into trail (id, slug, project_id, title, summary, path, accessibility,
			status, version, submitted_at, published_at, created_at, updated_at)
		select id, slug, project_id, title, summary, path, accessibility,
			'submitted', 1, published_at - interval '2 days', published_at, published_at - interval '20 days', published_at
		from perf_trail`);
	// Stop j of n sits a few metres off path point floor((j - 0.5) · points / n), so stops follow the line.
	await sql.unsafe(`create unlogged table perf_stop as
		select gen_random_uuid() as id, gen_random_uuid() as media_id, tr.t, tr.id as trail_id, tr.project_id,
			tr.licence, tr.group_name, j as position, tr.published_at,
			format('%s %s', ${pick(STOP_PREFIXES, 'tr.t + j')}, ${pick(LANDMARKS, `${hash('tr.t * 100 + j', 10)}`)}) as title,
			${sentences('tr.t * 100 + j', 4, 300)} as text,
			${sentences('tr.t * 100 + j + 50', 7, 600)} as transcript,
			round((pt.lat + (${hash('tr.t * 100 + j', 11)} % 11 - 5) * 0.00001)::numeric, 6)::float8 as latitude,
			round((pt.lng + (${hash('tr.t * 100 + j', 12)} % 11 - 5) * 0.00001)::numeric, 6)::float8 as longitude,
			(array[20, 25, 25, 30, 40, 60])[1 + (${hash('tr.t * 100 + j', 13)} % 6)::int] as radius_metres,
			300000 + ${hash('tr.t * 100 + j', 14)} % 1700000 as bytes,
			round((30 + ${hash('tr.t * 100 + j', 15)} % 1500 / 10.0)::numeric, 1)::float8 as duration_seconds,
			case when (tr.t + j) % 9 = 0 then 'br' else 'fr' end as language
		from perf_trail tr
		cross join lateral generate_series(1, tr.n_stops) j
		join perf_point pt on pt.t = tr.t and pt.k = floor((j - 0.5) * tr.n_points / tr.n_stops)::int`);
	await sql.unsafe(`insert into project_media (id, project_id, key, kind, mime, bytes, duration_seconds, title,
			author, licence, language, transcript, public, created_at)
		select media_id, project_id, format('projects/%s/%s.mp3', project_id, media_id), 'audio', 'audio/mpeg',
			bytes, duration_seconds, title, group_name, licence, language, transcript, true, published_at - interval '25 days'
		from perf_stop order by t, position`);
	await sql.unsafe(`insert into trail_stop (id, trail_id, position, title, text, latitude, longitude, radius_metres)
		select id, trail_id, position, title, text, latitude, longitude, radius_metres from perf_stop order by t, position`);
	await sql.unsafe(`insert into trail_stop_media (stop_id, media_id, position)
		select id, media_id, 1 from perf_stop order by t, position`);
}

/** The approved version, built as trailSnapshot() builds it (PublishedTrail, PublishedStop, PublishedMedia). */
async function snapshots(sql: Sql) {
	await sql.unsafe(`update trail tr set published = jsonb_build_object(
			'title', tr.title, 'summary', tr.summary, 'accessibility', tr.accessibility, 'path', tr.path,
			'stops', coalesce(s.stops, '[]'::jsonb),
			'lengthMetres', p.length_metres, 'walkingMinutes', p.walking_minutes),
			status = 'published'
		from perf_trail p
		left join lateral (
			select jsonb_agg(jsonb_build_object(
				'id', st.id, 'title', st.title, 'text', st.text,
				'position', jsonb_build_array(st.longitude, st.latitude),
				'radiusMetres', st.radius_metres,
				'media', (select coalesce(jsonb_agg(jsonb_build_object(
						'id', m.id, 'key', m.key, 'kind', m.kind, 'mime', m.mime, 'bytes', m.bytes,
						'durationSeconds', m.duration_seconds, 'title', m.title, 'author', m.author,
						'licence', m.licence, 'language', m.language, 'transcript', m.transcript
					) order by sm.position), '[]'::jsonb)
					from trail_stop_media sm join project_media m on m.id = sm.media_id where sm.stop_id = st.id)
			) order by st.position) as stops
			from trail_stop st where st.trail_id = p.id
		) s on true
		where tr.id = p.id`);
}

/** A sample of trails: the stored snapshot must equal what the app's trailSnapshot() makes of the row. */
async function checkSnapshots(sql: Sql, url: string) {
	const sample = await sql<{ id: string }[]>`select id from trail
		where slug not in ('sounds-of-recouvrance') and published is not null order by md5(id::text) limit 20`;
	const handle = await openDatabase({ url }, 2);
	try {
		for (const { id } of sample) {
			const [row] = await handle.db.select().from(trail).where(eq(trail.id, id));
			if (!row?.published) throw new Error(`trail ${id} has no snapshot`);
			const expected = JSON.parse(JSON.stringify(await trailSnapshot(handle.db, row)));
			deepStrictEqual(JSON.parse(JSON.stringify(row.published)), expected, `snapshot of ${row.slug}`);
		}
	} finally {
		await handle.close();
	}
}
