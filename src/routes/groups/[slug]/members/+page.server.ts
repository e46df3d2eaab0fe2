import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { updateGroup } from '$lib/server/groups/create-group';
import { getGroupPage } from '$lib/server/groups/group-page';
import { inviteMember, listInvitations, revokeInvitation } from '$lib/server/groups/invitations';
import { changeMemberRole, removeMember, transferOwnership } from '$lib/server/groups/members';
import { formFailure, pageFailure } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db, trails, settings } = app();
	try {
		const invitations = await listInvitations(db, trails(), locals.actor, params.slug);
		const page = await getGroupPage(db, locals.actor, params.slug);
		return { group: page.group, members: page.members, invitations, timeZone: settings.timeZone };
	} catch (problem) {
		pageFailure(problem);
	}
};

type GroupAction = (
	slug: string,
	fields: Record<string, string>,
	actor: App.Locals['actor']
) => Promise<unknown>;

// Every form on this page is one owner's action on the group: read, run, say what was done.
const act =
	(done: string, run: GroupAction): Actions[string] =>
	async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await run(params.slug ?? '', fields, locals.actor);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: done });
		}
		return { done };
	};

export const actions: Actions = {
	details: act('details', (slug, fields, actor) => updateGroup(app().db, actor, slug, fields)),
	invite: act('invite', (slug, fields, actor) => inviteMember(app().db, app().trails(), actor, slug, fields)),
	revoke: act('revoke', (slug, fields, actor) => revokeInvitation(app().db, actor, slug, fields.id ?? '')),
	role: act('role', (slug, fields, actor) => changeMemberRole(app().db, actor, slug, fields)),
	remove: act('remove', (slug, fields, actor) => removeMember(app().db, actor, slug, fields)),
	transfer: act('transfer', (slug, fields, actor) => transferOwnership(app().db, actor, slug, fields))
};
