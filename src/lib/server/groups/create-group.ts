import { eq } from 'drizzle-orm';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { freeSlug, slugFrom } from '../db/slugs';
import { parseInput } from '../forms';
import { group, groupMember } from './groups.table';
import { withFreeSlug } from './retry-slug';
import { groupSchema } from './schemas';
import { groupBySlug, standingIn } from './standing';

// Addresses the group pages' own routes use.
const RESERVED = ['new', 'invitations'];

/** Founds a group; its founder is its owner. Returns its address. */
export async function createGroup(db: Database, actor: Actor | null, input: unknown): Promise<string> {
	authorize(actor, 'groups.create');
	const request = parseInput(groupSchema, input);
	return withFreeSlug(() =>
		db.transaction(async (tx) => {
			const slug = await freeSlug(tx, group, group.slug, slugFrom(request.name, 'groupe'), RESERVED);
			const [created] = await tx
				.insert(group)
				.values({ ...request, slug })
				.returning({ id: group.id });
			if (!created) throw new Error('group insert returned nothing');
			await tx.insert(groupMember).values({ groupId: created.id, userId: actor.userId, role: 'owner' });
			return slug;
		})
	);
}

/** Changes a group's name, kind, description and website; its address stays. */
export async function updateGroup(db: Database, actor: Actor | null, slug: string, input: unknown) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.manage', await standingIn(db, found.id, actor));
	const request = parseInput(groupSchema, input);
	await db.update(group).set(request).where(eq(group.id, found.id));
}
