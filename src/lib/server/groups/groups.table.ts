import { sql } from 'drizzle-orm';
import {
	check,
	index,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { isSlug } from '../db/checks';

export const groupKind = pgEnum('group_kind', ['association', 'collective', 'school', 'business']);
export const groupRole = pgEnum('group_role', ['owner', 'editor', 'member']);

/** People who act together on the portal: they publish projects and apply to the institutes. */
export const group = pgTable(
	'group',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		kind: groupKind('kind').notNull(),
		description: text('description').notNull().default(''),
		website: text('website'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		check('group_slug_check', isSlug(table.slug)),
		check('group_name_check', sql`length(trim(${table.name})) between 2 and 120`)
	]
);

export const groupMember = pgTable(
	'group_member',
	{
		groupId: uuid('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: groupRole('role').notNull(),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.groupId, table.userId] }),
		// Ownership is handed over, never shared: one owner at a time.
		uniqueIndex('group_member_one_owner')
			.on(table.groupId)
			.where(sql`${table.role} = 'owner'`),
		index('group_member_user_idx').on(table.userId)
	]
);

/** An invitation mailed as a link; only the hash of its secret is kept. */
export const groupInvitation = pgTable(
	'group_invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		groupId: uuid('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		role: groupRole('role').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: uuid('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true })
	},
	(table) => [
		check('group_invitation_role_check', sql`${table.role} <> 'owner'`),
		check('group_invitation_email_check', sql`${table.email} = lower(${table.email})`),
		uniqueIndex('group_invitation_open_once')
			.on(table.groupId, table.email)
			.where(sql`${table.acceptedAt} is null`)
	]
);
