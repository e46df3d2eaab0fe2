import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../db/client';
import { Refused } from '../errors';
import { group, groupMember } from './groups.table';

/**
 * A group always has an owner: someone who owns one hands it over before closing their account.
 * Their published works keep the group's name as attribution.
 */
export async function assertOwnsNoGroup(db: Database, userId: string) {
	const owned = await db
		.select({ name: group.name })
		.from(groupMember)
		.innerJoin(group, eq(group.id, groupMember.groupId))
		.where(and(eq(groupMember.userId, userId), eq(groupMember.role, 'owner')));
	if (owned.length > 0)
		throw new Refused(
			'owns_groups',
			m.delete_account_owns_groups({ groups: owned.map((row) => row.name).join(', ') })
		);
}

/** The person's groups and roles, for their data export. */
export const groupsOfPerson = (db: Database, userId: string) =>
	db
		.select({ group: group.name, slug: group.slug, role: groupMember.role, joinedAt: groupMember.joinedAt })
		.from(groupMember)
		.innerJoin(group, eq(group.id, groupMember.groupId))
		.where(eq(groupMember.userId, userId));
