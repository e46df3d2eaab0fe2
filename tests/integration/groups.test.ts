import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../src/lib/server/db/errors';
import { group, groupInvitation, groupMember } from '../../src/lib/server/db/schema';
import { Forbidden, InvalidInput, NotFound, NotSignedIn, Refused } from '../../src/lib/server/errors';
import { createGroup, updateGroup } from '../../src/lib/server/groups/create-group';
import { getGroupPage, listMyGroups } from '../../src/lib/server/groups/group-page';
import {
	acceptInvitation,
	inviteMember,
	listInvitations,
	readInvitation,
	revokeInvitation
} from '../../src/lib/server/groups/invitations';
import {
	changeMemberRole,
	leaveGroup,
	removeMember,
	transferOwnership
} from '../../src/lib/server/groups/members';
import { deleteAccount } from '../../src/lib/server/accounts/delete-account';
import { exportPersonalData } from '../../src/lib/server/accounts/personal-data';
import { backends, type TestDatabase } from './database';
import { createPerson } from './people';
import { refusal } from './refusal';
import {
	DAY,
	groupWithMembers,
	mailsDuring,
	NOW,
	trailsContext,
	trailsRowCounts,
	trailWithStops
} from './trails';

const LINK = /http:\/\/portal\.test\/groups\/invitations\/([A-Za-z0-9_-]{43})\b/;

for (const backend of backends()) {
	describe(`groups on ${backend.name}`, () => {
		let database: TestDatabase;
		const context = trailsContext();
		beforeAll(async () => {
			database = await backend.fresh();
		});
		afterAll(() => database.close());

		const membersOf = async (slug: string) =>
			database.db
				.select({ userId: groupMember.userId, role: groupMember.role })
				.from(groupMember)
				.innerJoin(group, eq(group.id, groupMember.groupId))
				.where(eq(group.slug, slug))
				.orderBy(asc(groupMember.role), asc(groupMember.userId));
		const roleOf = async (slug: string, userId: string) =>
			(await membersOf(slug)).find((row) => row.userId === userId)?.role ?? null;

		/** Invites `email` and returns the token of the link mailed. */
		async function invite(slug: string, owner: { actor: Parameters<typeof inviteMember>[2] }, email: string) {
			const mails = await mailsDuring(database.db, () =>
				inviteMember(database.db, context, owner.actor, slug, { email, role: 'member' })
			);
			const token = LINK.exec(mails[0]?.text ?? '')?.[1];
			if (!token) throw new Error('no invitation link mailed');
			return token;
		}

		it('founds a group whose founder is its owner, at an address made from its name', async () => {
			const founder = await createPerson(database.db);
			const slug = await createGroup(database.db, founder.actor, {
				name: '  Les Écoutes de Kerinou  ',
				kind: 'collective',
				description: 'Des sons du quartier.',
				website: 'https://ecoutes.example'
			});
			expect(slug).toBe('les-ecoutes-de-kerinou');
			const [row] = await database.db.select().from(group).where(eq(group.slug, slug));
			expect(row).toMatchObject({
				name: 'Les Écoutes de Kerinou',
				kind: 'collective',
				description: 'Des sons du quartier.',
				website: 'https://ecoutes.example'
			});
			expect(await membersOf(slug)).toEqual([{ userId: founder.id, role: 'owner' }]);

			const other = await createPerson(database.db);
			const second = await createGroup(database.db, other.actor, {
				name: 'Les écoutes de Kerinou',
				kind: 'association'
			});
			expect(second).toBe('les-ecoutes-de-kerinou-2');
			expect(await membersOf(second)).toEqual([{ userId: other.id, role: 'owner' }]);
			// The group pages' own addresses are never a group's.
			expect(await createGroup(database.db, other.actor, { name: 'New', kind: 'school' })).toBe('new-2');
			expect(await listMyGroups(database.db, other.actor)).toEqual([
				{
					slug: 'les-ecoutes-de-kerinou-2',
					name: 'Les écoutes de Kerinou',
					kind: 'association',
					role: 'owner'
				},
				{ slug: 'new-2', name: 'New', kind: 'school', role: 'owner' }
			]);
		});

		it('refuses visitors and bad fields, a NUL character included, and founds nothing then', async () => {
			const founder = await createPerson(database.db);
			const before = await trailsRowCounts(database.db);
			expect(
				await refusal(createGroup(database.db, null, { name: 'Sans compte', kind: 'collective' }))
			).toBeInstanceOf(NotSignedIn);
			const bad = await refusal(
				createGroup(database.db, founder.actor, { name: 'x', kind: 'club', website: 'ftp://x' })
			);
			expect((bad as InvalidInput).issues.map((issue) => issue.path).sort()).toEqual([
				'kind',
				'name',
				'website'
			]);
			const nul = await refusal(
				createGroup(database.db, founder.actor, { name: 'Les\u0000Sons', kind: 'collective' })
			);
			expect(nul).toBeInstanceOf(InvalidInput);
			expect((nul as InvalidInput).issues).toEqual([{ path: 'name', message: m.form_text_invalid() }]);
			expect(await trailsRowCounts(database.db)).toEqual(before);
		});

		it('mails an invitation link that the invited account accepts, once', async () => {
			const { slug, owner } = await groupWithMembers(database.db);
			const invitee = await createPerson(database.db, { email: 'invitee@example.test', locale: 'en' });
			const nudges = context.nudges;
			const mails = await mailsDuring(database.db, () =>
				inviteMember(database.db, context, owner.actor, slug, {
					email: '  Invitee@Example.TEST ',
					role: 'editor'
				})
			);
			expect(context.nudges).toBe(nudges + 1);
			expect(mails.map((mail) => [mail.recipient, mail.kind, mail.status])).toEqual([
				['invitee@example.test', 'group_invitation', 'kept']
			]);
			const token = LINK.exec(mails[0]?.text ?? '')?.[1] ?? '';
			expect(token).toHaveLength(43);
			expect(await listInvitations(database.db, context, owner.actor, slug)).toEqual([
				{
					id: expect.any(String),
					email: 'invitee@example.test',
					role: 'editor',
					expiresAt: new Date(NOW.getTime() + 14 * DAY)
				}
			]);
			const { name } = (await database.db.select().from(group).where(eq(group.slug, slug)))[0] ?? {};
			expect(await readInvitation(database.db, context, invitee.actor, token)).toEqual({
				group: { slug, name },
				role: 'editor',
				email: 'invitee@example.test'
			});

			expect(await acceptInvitation(database.db, context, invitee.actor, token)).toBe(slug);
			expect(await roleOf(slug, invitee.id)).toBe('editor');
			expect(await listInvitations(database.db, context, owner.actor, slug)).toEqual([]);
			const [kept] = await database.db
				.select()
				.from(groupInvitation)
				.where(eq(groupInvitation.email, 'invitee@example.test'));
			expect(kept?.acceptedAt).toEqual(NOW);
			// The secret itself is never stored.
			expect(kept?.tokenHash).toBe(createHash('sha256').update(token).digest('base64url'));

			// A link serves once.
			expect(await refusal(acceptInvitation(database.db, context, invitee.actor, token))).toBeInstanceOf(
				NotFound
			);
			expect(await refusal(readInvitation(database.db, context, invitee.actor, token))).toBeInstanceOf(
				NotFound
			);
			// Members are not invited again.
			const again = await refusal(
				inviteMember(database.db, context, owner.actor, slug, { email: invitee.email, role: 'member' })
			);
			expect((again as Refused).code).toBe('already_member');
		});

		it('refuses the link to another account (403), which leaves it open for the right one', async () => {
			const { slug, owner } = await groupWithMembers(database.db);
			const token = await invite(slug, owner, 'right-one@example.test');
			const stranger = await createPerson(database.db);
			const before = await trailsRowCounts(database.db);
			const problem = await refusal(acceptInvitation(database.db, context, stranger.actor, token));
			expect(problem).toBeInstanceOf(Refused);
			expect(problem).toMatchObject({ code: 'other_address', status: 403 });
			expect((problem as Refused).message).toBe(
				m.group_invitation_other_address({ email: 'right-one@example.test' })
			);
			expect(await roleOf(slug, stranger.id)).toBeNull();
			expect(await trailsRowCounts(database.db)).toEqual(before);
			expect(await refusal(acceptInvitation(database.db, context, null, token))).toBeInstanceOf(NotSignedIn);

			const right = await createPerson(database.db, { email: 'right-one@example.test' });
			expect(await acceptInvitation(database.db, context, right.actor, token)).toBe(slug);
			expect(await roleOf(slug, right.id)).toBe('member');
		});

		it('lets a link expire after fourteen days, and replaces it when invited again', async () => {
			const { slug, owner } = await groupWithMembers(database.db);
			const late = { ...context, now: () => new Date(NOW.getTime() + 14 * DAY) };
			const person = await createPerson(database.db, { email: 'late@example.test' });
			const first = await invite(slug, owner, 'late@example.test');
			const expired = await refusal(acceptInvitation(database.db, late, person.actor, first));
			expect(expired).toMatchObject({ code: 'expired', status: 409 });
			expect(await refusal(readInvitation(database.db, late, person.actor, first))).toMatchObject({
				code: 'expired'
			});
			expect(await listInvitations(database.db, late, owner.actor, slug)).toEqual([]);
			expect(await roleOf(slug, person.id)).toBeNull();

			const second = await invite(slug, owner, 'late@example.test');
			expect(await refusal(acceptInvitation(database.db, context, person.actor, first))).toBeInstanceOf(
				NotFound
			);
			const dayBefore = { ...context, now: () => new Date(NOW.getTime() + 13 * DAY) };
			expect(await acceptInvitation(database.db, dayBefore, person.actor, second)).toBe(slug);
			for (const token of ['', 'short', `${second.slice(0, 42)}!`, 'a'.repeat(43)]) {
				expect(await refusal(acceptInvitation(database.db, context, person.actor, token))).toBeInstanceOf(
					NotFound
				);
			}
		});

		it('lets the owner revoke an invitation, whose link then leads nowhere', async () => {
			const { slug, owner } = await groupWithMembers(database.db);
			const token = await invite(slug, owner, 'revoked@example.test');
			const [open] = await listInvitations(database.db, context, owner.actor, slug);
			await revokeInvitation(database.db, owner.actor, slug, open?.id ?? '');
			const person = await createPerson(database.db, { email: 'revoked@example.test' });
			expect(await refusal(acceptInvitation(database.db, context, person.actor, token))).toBeInstanceOf(
				NotFound
			);
			for (const id of [open?.id ?? '', 'not-an-id', '00000000-0000-4000-8000-000000000000']) {
				expect(await refusal(revokeInvitation(database.db, owner.actor, slug, id))).toBeInstanceOf(NotFound);
			}
		});

		it('keeps the owner’s actions to the owner: editors, members, outsiders and visitors are refused', async () => {
			const { slug, owner, editor, member, outsider } = await groupWithMembers(database.db);
			await invite(slug, owner, 'pending@example.test');
			const [open] = await listInvitations(database.db, context, owner.actor, slug);
			const members = await membersOf(slug);
			const before = await trailsRowCounts(database.db);
			const ownerOnly = {
				updateGroup: (actor: typeof owner.actor | null) =>
					updateGroup(database.db, actor, slug, { name: 'Repris', kind: 'business' }),
				inviteMember: (actor: typeof owner.actor | null) =>
					inviteMember(database.db, context, actor, slug, { email: 'x@example.test', role: 'editor' }),
				listInvitations: (actor: typeof owner.actor | null) =>
					listInvitations(database.db, context, actor, slug),
				revokeInvitation: (actor: typeof owner.actor | null) =>
					revokeInvitation(database.db, actor, slug, open?.id ?? ''),
				changeMemberRole: (actor: typeof owner.actor | null) =>
					changeMemberRole(database.db, actor, slug, { person: member.id, role: 'editor' }),
				removeMember: (actor: typeof owner.actor | null) =>
					removeMember(database.db, actor, slug, { person: member.id }),
				transferOwnership: (actor: typeof owner.actor | null) =>
					transferOwnership(database.db, actor, slug, { person: editor.id })
			};
			for (const [name, action] of Object.entries(ownerOnly)) {
				for (const actor of [editor.actor, member.actor, outsider.actor, null]) {
					const problem = await refusal(action(actor));
					expect(problem, name).toBeInstanceOf(actor ? Forbidden : NotSignedIn);
				}
			}
			expect(await refusal(leaveGroup(database.db, outsider.actor, slug))).toBeInstanceOf(Forbidden);
			expect(await refusal(leaveGroup(database.db, null, slug))).toBeInstanceOf(NotSignedIn);
			expect(await membersOf(slug)).toEqual(members);
			expect(await listInvitations(database.db, context, owner.actor, slug)).toHaveLength(1);
			expect(await trailsRowCounts(database.db)).toEqual(before);
			expect(
				await refusal(
					updateGroup(database.db, owner.actor, 'no-such-group', { name: 'Rien', kind: 'school' })
				)
			).toBeInstanceOf(NotFound);
		});

		it('lets the owner change roles, but never the owner’s own', async () => {
			const { slug, owner, editor, member, outsider } = await groupWithMembers(database.db);
			await changeMemberRole(database.db, owner.actor, slug, { person: member.id, role: 'editor' });
			await changeMemberRole(database.db, owner.actor, slug, { person: editor.id, role: 'member' });
			expect(await roleOf(slug, member.id)).toBe('editor');
			expect(await roleOf(slug, editor.id)).toBe('member');
			const own = await refusal(
				changeMemberRole(database.db, owner.actor, slug, { person: owner.id, role: 'member' })
			);
			expect(own).toMatchObject({ code: 'owner_role', status: 409 });
			const promote = await refusal(
				changeMemberRole(database.db, owner.actor, slug, { person: member.id, role: 'owner' })
			);
			expect((promote as InvalidInput).issues.map((issue) => issue.path)).toEqual(['role']);
			expect(
				await refusal(
					changeMemberRole(database.db, owner.actor, slug, { person: outsider.id, role: 'editor' })
				)
			).toBeInstanceOf(NotFound);
			expect(
				await refusal(changeMemberRole(database.db, owner.actor, slug, { person: 'someone', role: 'editor' }))
			).toBeInstanceOf(InvalidInput);
			expect(await roleOf(slug, owner.id)).toBe('owner');
		});

		it('lets members leave and be removed; the owner can do neither', async () => {
			const { slug, owner, editor, member } = await groupWithMembers(database.db);
			expect(await refusal(leaveGroup(database.db, owner.actor, slug))).toMatchObject({
				code: 'owner_role',
				message: m.group_owner_cannot_leave()
			});
			expect(await refusal(removeMember(database.db, owner.actor, slug, { person: owner.id }))).toMatchObject(
				{ code: 'owner_role' }
			);
			await leaveGroup(database.db, member.actor, slug);
			await removeMember(database.db, owner.actor, slug, { person: editor.id });
			expect(await membersOf(slug)).toEqual([{ userId: owner.id, role: 'owner' }]);
			expect(await refusal(leaveGroup(database.db, member.actor, slug))).toBeInstanceOf(Forbidden);
			expect(await listMyGroups(database.db, member.actor)).toEqual([]);
		});

		it('hands the group over: the new owner runs it, the former one stays on as an editor', async () => {
			const { slug, owner, member, outsider } = await groupWithMembers(database.db);
			expect(
				await refusal(transferOwnership(database.db, owner.actor, slug, { person: owner.id }))
			).toMatchObject({ code: 'owner_role' });
			expect(
				await refusal(transferOwnership(database.db, owner.actor, slug, { person: outsider.id }))
			).toBeInstanceOf(NotFound);
			expect(await roleOf(slug, owner.id)).toBe('owner');

			await transferOwnership(database.db, owner.actor, slug, { person: member.id });
			expect(await roleOf(slug, member.id)).toBe('owner');
			expect(await roleOf(slug, owner.id)).toBe('editor');
			expect((await membersOf(slug)).filter((row) => row.role === 'owner')).toHaveLength(1);
			expect(
				await refusal(
					inviteMember(database.db, context, owner.actor, slug, { email: 'y@example.test', role: 'member' })
				)
			).toBeInstanceOf(Forbidden);
			await inviteMember(database.db, context, member.actor, slug, {
				email: 'y@example.test',
				role: 'member'
			});
			await leaveGroup(database.db, owner.actor, slug);
			expect(await roleOf(slug, owner.id)).toBeNull();
			const page = await getGroupPage(database.db, member.actor, slug);
			expect(page).toMatchObject({ standing: { role: 'owner' }, canEdit: true, canManage: true });
		});

		it('holds one owner per group, whatever writes to the table', async () => {
			const { id, editor } = await groupWithMembers(database.db);
			const problem = await refusal(
				database.db
					.update(groupMember)
					.set({ role: 'owner' })
					.where(and(eq(groupMember.groupId, id), eq(groupMember.userId, editor.id)))
			);
			expect(sqlStateOf(problem)).toBe(UNIQUE_VIOLATION);
			const stranger = await createPerson(database.db);
			const inserted = await refusal(
				database.db.insert(groupMember).values({ groupId: id, userId: stranger.id, role: 'owner' })
			);
			expect(sqlStateOf(inserted)).toBe(UNIQUE_VIOLATION);
			const owners = await database.db
				.select()
				.from(groupMember)
				.where(and(eq(groupMember.groupId, id), eq(groupMember.role, 'owner')));
			expect(owners).toHaveLength(1);
		});

		it('answers double submissions cleanly: one open link, one membership, distinct addresses', async () => {
			const { slug, owner } = await groupWithMembers(database.db);
			const invited = await Promise.allSettled(
				[1, 2, 3].map(() =>
					inviteMember(database.db, context, owner.actor, slug, {
						email: 'twice@example.test',
						role: 'member'
					})
				)
			);
			expect(invited.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
			expect(await listInvitations(database.db, context, owner.actor, slug)).toHaveLength(1);

			const token = await invite(slug, owner, 'twice@example.test');
			const person = await createPerson(database.db, { email: 'twice@example.test' });
			const accepted = await Promise.allSettled(
				[1, 2].map(() => acceptInvitation(database.db, context, person.actor, token))
			);
			expect(accepted.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
			const lost = accepted.find((outcome) => outcome.status === 'rejected');
			expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(NotFound);
			expect(await roleOf(slug, person.id)).toBe('member');

			const founders = await Promise.all([1, 2, 3].map(() => createPerson(database.db)));
			const founded = await Promise.allSettled(
				founders.map((founder) =>
					createGroup(database.db, founder.actor, { name: 'Chorale du Bouguen', kind: 'association' })
				)
			);
			expect(
				founded.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : null)).sort()
			).toEqual(['chorale-du-bouguen', 'chorale-du-bouguen-2', 'chorale-du-bouguen-3']);
		});

		it('shows outsiders the group but not its people; members see them', async () => {
			const cast = await groupWithMembers(database.db);
			const { slug, owner, editor, member, outsider } = cast;
			// A draft of the group's, which outsiders must not see and members must.
			await trailWithStops(database.db, cast, { title: 'Brouillon du groupe' });
			for (const actor of [outsider.actor, null]) {
				const page = await getGroupPage(database.db, actor, slug);
				expect(page).toMatchObject({
					standing: { role: null },
					canEdit: false,
					canManage: false,
					members: [],
					projects: [],
					trails: []
				});
			}
			const seen = await getGroupPage(database.db, member.actor, slug);
			expect(seen).toMatchObject({ canEdit: false, canManage: false });
			expect(seen.trails.map((trail) => [trail.title, trail.status, trail.isPublic])).toEqual([
				['Brouillon du groupe', 'draft', false]
			]);
			expect(seen.members.map((row) => [row.id, row.role])).toEqual([
				[owner.id, 'owner'],
				[editor.id, 'editor'],
				[member.id, 'member']
			]);
			// Addresses come from the URL, where %00 is a NUL: not found, like any other.
			for (const address of ['nobody-here', '\u0000', `${slug}\u0000`, slug.toUpperCase()]) {
				expect(await refusal(getGroupPage(database.db, null, address))).toBeInstanceOf(NotFound);
				expect(
					await refusal(
						inviteMember(database.db, context, owner.actor, address, { email: 'a@b.test', role: 'member' })
					)
				).toBeInstanceOf(NotFound);
			}
		});

		it('keeps every group owned: its owner cannot close their account before handing it over', async () => {
			const cast = await groupWithMembers(database.db);
			const attempt = await refusal(
				deleteAccount(database.db, cast.owner.actor, { confirmEmail: cast.owner.email })
			);
			expect(attempt).toBeInstanceOf(Refused);
			expect((attempt as Refused).code).toBe('owns_groups');
			expect(await roleOf(cast.slug, cast.owner.id)).toBe('owner');

			await transferOwnership(database.db, cast.owner.actor, cast.slug, { person: cast.editor.id });
			await deleteAccount(database.db, cast.owner.actor, { confirmEmail: cast.owner.email });
			expect(await roleOf(cast.slug, cast.editor.id)).toBe('owner');
			expect(await roleOf(cast.slug, cast.owner.id)).toBeNull();
		});

		it("lists a person's groups and roles in their data export", async () => {
			const cast = await groupWithMembers(database.db);
			const exported = await exportPersonalData(database.db, cast.member.actor);
			expect(exported.groups.map(({ slug, role }) => ({ slug, role }))).toEqual([
				{ slug: cast.slug, role: 'member' }
			]);
		});
	});
}
