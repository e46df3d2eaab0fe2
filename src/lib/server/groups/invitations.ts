import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { user } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound, Refused } from '../errors';
import { parseInput } from '../forms';
import { isUuid } from '../ids';
import { queueMail } from '../mail/outbox';
import type { CommunityContext } from './context';
import { group, groupInvitation, groupMember } from './groups.table';
import { invitationSchema } from './schemas';
import { groupBySlug, standingIn } from './standing';

const VALID_DAYS = 14;
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Mails an invitation link; inviting the same address again replaces the earlier link. */
export async function inviteMember(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	slug: string,
	input: unknown
) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.manage', await standingIn(db, found.id, actor));
	const request = parseInput(invitationSchema, input);
	const token = randomBytes(32).toString('base64url');
	const now = context.now();
	await db.transaction(async (tx) => {
		// One invitation at a time per group: the same address invited twice at once (a double
		// click) replaces the first link instead of hitting the one-open-invitation index.
		await groupBySlug(tx, slug, true);
		const [already] = await tx
			.select({ userId: groupMember.userId })
			.from(groupMember)
			.innerJoin(user, eq(user.id, groupMember.userId))
			.where(and(eq(groupMember.groupId, found.id), eq(user.email, request.email)));
		if (already) throw new Refused('already_member', m.group_invite_already_member());
		await tx
			.delete(groupInvitation)
			.where(
				and(
					eq(groupInvitation.groupId, found.id),
					eq(groupInvitation.email, request.email),
					isNull(groupInvitation.acceptedAt)
				)
			);
		await tx.insert(groupInvitation).values({
			groupId: found.id,
			email: request.email,
			role: request.role,
			tokenHash: hashOf(token),
			invitedBy: actor.userId,
			createdAt: now,
			expiresAt: new Date(now.getTime() + VALID_DAYS * 86_400_000)
		});
		const link = `${context.origin}/groups/invitations/${token}`;
		await queueMail(tx, context.mailer.mode, {
			to: request.email,
			subject: m.mail_group_invitation_subject({ group: found.name }),
			text: m.mail_group_invitation_text({ group: found.name, link, days: VALID_DAYS }),
			kind: 'group_invitation'
		});
	});
	context.mailer.nudge();
}

/** The open invitations of a group, for its owner. */
export async function listInvitations(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	slug: string
) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.manage', await standingIn(db, found.id, actor));
	return db
		.select({
			id: groupInvitation.id,
			email: groupInvitation.email,
			role: groupInvitation.role,
			expiresAt: groupInvitation.expiresAt
		})
		.from(groupInvitation)
		.where(
			and(
				eq(groupInvitation.groupId, found.id),
				isNull(groupInvitation.acceptedAt),
				gt(groupInvitation.expiresAt, context.now())
			)
		)
		.orderBy(asc(groupInvitation.email));
}

export async function revokeInvitation(
	db: Database,
	actor: Actor | null,
	slug: string,
	invitationId: string
) {
	const found = await groupBySlug(db, slug);
	authorize(actor, 'groups.manage', await standingIn(db, found.id, actor));
	if (!isUuid(invitationId)) throw new NotFound(m.group_invitation_not_found());
	const removed = await db
		.delete(groupInvitation)
		.where(
			and(
				eq(groupInvitation.id, invitationId),
				eq(groupInvitation.groupId, found.id),
				isNull(groupInvitation.acceptedAt)
			)
		)
		.returning({ id: groupInvitation.id });
	if (removed.length === 0) throw new NotFound(m.group_invitation_not_found());
}

async function openInvitation(db: Database, context: CommunityContext, token: string, lock = false) {
	if (!TOKEN_PATTERN.test(token)) throw new NotFound(m.group_invitation_not_found());
	const query = db
		.select({ invitation: groupInvitation, group: { slug: group.slug, name: group.name, id: group.id } })
		.from(groupInvitation)
		.innerJoin(group, eq(group.id, groupInvitation.groupId))
		.where(eq(groupInvitation.tokenHash, hashOf(token)));
	const [found] = lock ? await query.for('update', { of: groupInvitation }) : await query;
	if (!found || found.invitation.acceptedAt) throw new NotFound(m.group_invitation_not_found());
	if (found.invitation.expiresAt <= context.now())
		throw new Refused('expired', m.group_invitation_expired(), 409);
	return found;
}

/** What an invitation link offers, for the person who follows it (signed in). */
export async function readInvitation(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	token: string
) {
	authorize(actor, 'groups.join');
	const found = await openInvitation(db, context, token);
	return {
		group: { slug: found.group.slug, name: found.group.name },
		role: found.invitation.role,
		email: found.invitation.email
	};
}

/**
 * Joins the group the link invites to. The link is for one address: someone else who got hold of
 * it cannot use it with their own account.
 */
export async function acceptInvitation(
	db: Database,
	context: CommunityContext,
	actor: Actor | null,
	token: string
) {
	authorize(actor, 'groups.join');
	return db.transaction(async (tx) => {
		const found = await openInvitation(tx, context, token, true);
		const [person] = await tx.select({ email: user.email }).from(user).where(eq(user.id, actor.userId));
		if (person?.email.toLowerCase() !== found.invitation.email)
			throw new Refused(
				'other_address',
				m.group_invitation_other_address({ email: found.invitation.email }),
				403
			);
		await tx
			.insert(groupMember)
			.values({ groupId: found.group.id, userId: actor.userId, role: found.invitation.role })
			.onConflictDoNothing();
		await tx
			.update(groupInvitation)
			.set({ acceptedAt: context.now() })
			.where(eq(groupInvitation.id, found.invitation.id));
		return found.group.slug;
	});
}
