import { m } from '$lib/paraglide/messages';

const labels = {
	association: m.group_kind_association,
	collective: m.group_kind_collective,
	school: m.group_kind_school,
	business: m.group_kind_business
};

export const groupKindLabel = (kind: keyof typeof labels) => labels[kind]();

const roles = { owner: m.group_role_owner, editor: m.group_role_editor, member: m.group_role_member };
export const groupRoleLabel = (role: keyof typeof roles) => roles[role]();
