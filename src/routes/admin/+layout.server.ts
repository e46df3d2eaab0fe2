import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { can, isStaff } from '$lib/server/auth/permissions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	if (!isStaff(locals.actor)) error(403, m.error_staff_only());
	return {
		staffLinks: {
			desk: can(locals.actor, 'desk.work'),
			reports: can(locals.actor, 'reports.read'),
			inventory: can(locals.actor, 'inventory.manage'),
			moderation: can(locals.actor, 'moderation.review'),
			applications: can(locals.actor, 'applications.review'),
			institutes: can(locals.actor, 'institutes.manage'),
			pledges: can(locals.actor, 'ledger.record'),
			ledger: can(locals.actor, 'ledger.record'),
			audit: can(locals.actor, 'audit.read'),
			people: can(locals.actor, 'people.list'),
			outbox: can(locals.actor, 'outbox.read')
		}
	};
};
