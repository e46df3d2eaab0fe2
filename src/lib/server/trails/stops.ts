import { and, asc, eq, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound, Refused } from '../errors';
import { parseInput } from '../forms';
import { isUuid } from '../ids';
import { touchTrail, trailFor } from './access';
import { nextStopPosition } from './trails';
import { stopMoveSchema, stopSchema } from './trail-schemas';
import { trailStop } from './trails.table';

export const MAX_STOPS = 200;

async function stopOf(db: Database, trailId: string, stopId: string) {
	if (!isUuid(stopId)) throw new NotFound(m.stop_not_found());
	const [found] = await db
		.select()
		.from(trailStop)
		.where(and(eq(trailStop.id, stopId), eq(trailStop.trailId, trailId)));
	if (!found) throw new NotFound(m.stop_not_found());
	return found;
}

/** Adds a stop at the end of the trail. Returns its id. */
export async function addStop(db: Database, actor: Actor | null, trailSlug: string, input: unknown) {
	return db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, trailSlug, 'groups.edit-content', true);
		const request = parseInput(stopSchema, input);
		const position = await nextStopPosition(tx, found.trail.id);
		if (position > MAX_STOPS) throw new Refused('too_many_stops', m.trail_too_many_stops({ max: MAX_STOPS }));
		const [created] = await tx
			.insert(trailStop)
			.values({ ...request, trailId: found.trail.id, position })
			.returning({ id: trailStop.id });
		await touchTrail(tx, found.trail.id);
		if (!created) throw new Error('stop insert returned nothing');
		return created.id;
	});
}

export async function updateStop(
	db: Database,
	actor: Actor | null,
	trailSlug: string,
	stopId: string,
	input: unknown
) {
	await db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, trailSlug, 'groups.edit-content', true);
		const request = parseInput(stopSchema, input);
		await stopOf(tx, found.trail.id, stopId);
		await tx.update(trailStop).set(request).where(eq(trailStop.id, stopId));
		await touchTrail(tx, found.trail.id);
	});
}

/** Rewrites the order 1…n in one statement; the unique order is checked at commit, so swaps pass. */
async function renumber(db: Database, orderedIds: string[]) {
	if (orderedIds.length === 0) return;
	await db.execute(sql`
		update ${trailStop} set position = ordered.position
		from unnest(${`{${orderedIds.join(',')}}`}::uuid[]) with ordinality as ordered(id, position)
		where ${trailStop.id} = ordered.id`);
}

const orderOf = async (db: Database, trailId: string) =>
	(
		await db
			.select({ id: trailStop.id })
			.from(trailStop)
			.where(eq(trailStop.trailId, trailId))
			.orderBy(asc(trailStop.position))
	).map((row) => row.id);

/** Removes a stop and closes the gap; its media stay in the project for other stops. */
export async function removeStop(db: Database, actor: Actor | null, trailSlug: string, stopId: string) {
	await db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, trailSlug, 'groups.edit-content', true);
		await stopOf(tx, found.trail.id, stopId);
		await tx.delete(trailStop).where(eq(trailStop.id, stopId));
		await renumber(tx, await orderOf(tx, found.trail.id));
		await touchTrail(tx, found.trail.id);
	});
}

/** Moves a stop to a position (1-based); the others keep their relative order. */
export async function moveStop(db: Database, actor: Actor | null, trailSlug: string, input: unknown) {
	await db.transaction(async (tx) => {
		const found = await trailFor(tx, actor, trailSlug, 'groups.edit-content', true);
		const request = parseInput(stopMoveSchema, input);
		await stopOf(tx, found.trail.id, request.stop);
		const order = (await orderOf(tx, found.trail.id)).filter((id) => id !== request.stop);
		const to = Math.min(request.to, order.length + 1);
		order.splice(to - 1, 0, request.stop);
		await renumber(tx, order);
		await touchTrail(tx, found.trail.id);
	});
}
