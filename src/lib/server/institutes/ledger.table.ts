import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/auth.table';
import { group } from '../groups/groups.table';
import { application } from './applications.table';
import { programme } from './institutes.table';

const when = (name: string) => timestamp(name, { withTimezone: true });

export const pledgeKind = pgEnum('pledge_kind', ['revenue_share', 'yearly_amount']);

/** A business's promise to give back to named commons: a share of revenue or a yearly amount. */
export const pledge = pgTable(
	'pledge',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => programme.id, { onDelete: 'restrict' }),
		groupId: uuid('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'restrict' }),
		applicationId: uuid('application_id').references(() => application.id, { onDelete: 'set null' }),
		kind: pledgeKind('kind').notNull(),
		// Hundredths of a percent (250 = 2.5 %).
		shareBasisPoints: integer('share_basis_points'),
		yearlyCents: bigint('yearly_cents', { mode: 'number' }),
		commons: text('commons').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		recordedBy: uuid('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: when('created_at').notNull().defaultNow()
	},
	(table) => [
		check(
			'pledge_terms_check',
			sql`(${table.kind} = 'revenue_share' and ${table.shareBasisPoints} between 1 and 10000 and ${table.yearlyCents} is null)
			or (${table.kind} = 'yearly_amount' and ${table.yearlyCents} > 0 and ${table.shareBasisPoints} is null)`
		),
		check('pledge_commons_check', sql`length(trim(${table.commons})) between 2 and 1000`),
		check('pledge_dates_check', sql`${table.endsOn} is null or ${table.endsOn} >= ${table.startsOn}`),
		index('pledge_group_idx').on(table.groupId)
	]
);

export const ledgerEntryKind = pgEnum('ledger_entry_kind', ['award', 'contribution', 'reversal']);

/**
 * The benefit-sharing ledger: append-only (triggers refuse UPDATE and DELETE), each entry holding
 * the hash of the one before, so an edit made behind the application's back is detectable by
 * `npm run ledger:verify`. Corrections are new reversing entries.
 */
export const ledgerEntry = pgTable(
	'ledger_entry',
	{
		seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		id: uuid('id').notNull().unique().defaultRandom(),
		recordedAt: when('recorded_at').notNull(),
		kind: ledgerEntryKind('kind').notNull(),
		// Signed euro cents: awards paid out and contributions received are positive; reversals negate.
		amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
		programmeId: uuid('programme_id').references(() => programme.id, { onDelete: 'restrict' }),
		applicationId: uuid('application_id').references(() => application.id, { onDelete: 'restrict' }),
		pledgeId: uuid('pledge_id').references(() => pledge.id, { onDelete: 'restrict' }),
		reversesSeq: bigint('reverses_seq', { mode: 'number' }).references((): AnyPgColumn => ledgerEntry.seq, {
			onDelete: 'restrict'
		}),
		// Who received or gave, as named at the time: the register must not change if a group renames.
		party: text('party').notNull(),
		memo: text('memo').notNull(),
		// No foreign key: the id is part of the hash, and a staff member who leaves may close their
		// account without the ledger changing (the audit log says who they were).
		recordedBy: uuid('recorded_by'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(table) => [
		uniqueIndex('ledger_entry_prev_hash_unique').on(table.prevHash),
		uniqueIndex('ledger_entry_reverses_unique').on(table.reversesSeq),
		check(
			'ledger_entry_hash_check',
			sql`${table.hash} ~ '^[0-9a-f]{64}$' and ${table.prevHash} ~ '^[0-9a-f]{64}$'`
		),
		check('ledger_entry_amount_check', sql`${table.amountCents} <> 0`),
		check(
			'ledger_entry_kind_check',
			sql`(${table.kind} = 'reversal') = (${table.reversesSeq} is not null)
			and (${table.kind} <> 'award' or (${table.applicationId} is not null and ${table.amountCents} > 0))
			and (${table.kind} <> 'contribution' or (${table.pledgeId} is not null and ${table.amountCents} > 0))`
		),
		check('ledger_entry_party_check', sql`length(trim(${table.party})) > 0`),
		index('ledger_entry_application_idx').on(table.applicationId),
		index('ledger_entry_pledge_idx').on(table.pledgeId)
	]
);
