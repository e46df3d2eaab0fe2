import { isStaff } from '$lib/server/auth/permissions';
import { config } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	person: locals.person,
	isStaff: isStaff(locals.actor),
	cityName: config().cityName,
	timeZone: config().timeZone
});
