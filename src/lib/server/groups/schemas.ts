import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { emailField } from '../accounts/schemas';
import { lineText, longText, optionalWebAddress } from '../text-fields';
import { groupKind } from './groups.table';

export const groupKinds = groupKind.enumValues;
export type GroupKind = (typeof groupKinds)[number];

export const groupSchema = z.object({
	name: lineText({ max: 120, required: () => m.group_name_required() }).refine((name) => name.length >= 2, {
		error: () => m.group_name_required()
	}),
	kind: z.enum(groupKinds, { error: () => m.group_kind_required() }),
	description: longText({ max: 4000 }),
	website: optionalWebAddress
});

export const invitationSchema = z.object({
	email: emailField,
	role: z.enum(['editor', 'member'], { error: () => m.group_role_invalid() })
});

export const roleChangeSchema = z.object({
	person: z.uuid({ error: () => m.group_member_unknown() }),
	role: z.enum(['editor', 'member'], { error: () => m.group_role_invalid() })
});

export const personSchema = z.object({ person: z.uuid({ error: () => m.group_member_unknown() }) });
