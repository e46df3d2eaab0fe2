import { and, desc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { addDays, zonedInstant } from '../../time/zoned';
import { user } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { containing } from '../db/like';
import { parseInput } from '../forms';
import { auditEvent } from './audit.table';

const PAGE_SIZE = 50;
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.audit_filter_bad_date() })
	.optional()
	.or(z.literal('').transform(() => undefined));
const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.audit_filter_too_long() })
		// Control characters (NUL above all) cannot be searched for in Postgres text.
		.transform(
			(value) => [...value].filter((character) => character.charCodeAt(0) >= 0x20).join('') || undefined
		)
		.optional();

export const auditFilterSchema = z.object({
	action: text(60),
	who: text(100),
	subject: text(100),
	from: day,
	to: day,
	page: z.coerce.number().int().min(1).max(1000).catch(1).default(1)
});

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Staff actions, newest first, filtered by action, person, subject and the city's days. */
export async function listAuditEvents(db: Database, actor: Actor | null, input: unknown, timeZone: string) {
	authorize(actor, 'audit.read');
	const filter = parseInput(auditFilterSchema, input);
	const where = and(
		filter.action ? eq(auditEvent.action, filter.action) : undefined,
		filter.who
			? or(ilike(user.name, containing(filter.who)), ilike(user.email, containing(filter.who)))
			: undefined,
		filter.subject ? eq(auditEvent.subjectId, filter.subject) : undefined,
		filter.from ? gte(auditEvent.at, zonedInstant(filter.from, '00:00', timeZone)) : undefined,
		filter.to ? lt(auditEvent.at, zonedInstant(addDays(filter.to, 1), '00:00', timeZone)) : undefined
	);
	const [rows, actions] = await Promise.all([
		db
			.select({
				id: auditEvent.id,
				action: auditEvent.action,
				subjectType: auditEvent.subjectType,
				subjectId: auditEvent.subjectId,
				before: auditEvent.before,
				after: auditEvent.after,
				at: auditEvent.at,
				who: user.name,
				email: user.email
			})
			.from(auditEvent)
			.leftJoin(user, eq(user.id, auditEvent.actorId))
			.where(where)
			.orderBy(desc(auditEvent.at), desc(auditEvent.id))
			.limit(PAGE_SIZE + 1)
			.offset((filter.page - 1) * PAGE_SIZE),
		db
			.selectDistinct({ action: auditEvent.action })
			.from(auditEvent)
			.orderBy(sql`1`)
	]);
	return {
		filter,
		actions: actions.map((row) => row.action),
		events: rows.slice(0, PAGE_SIZE).map((row) => ({ ...row, changes: changesOf(row.before, row.after) })),
		hasMore: rows.length > PAGE_SIZE
	};
}

type Change = { field: string; before: string; after: string };

const shown = (value: unknown) =>
	value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** Each field that an action recorded, as it was and as it became. */
export function changesOf(before: unknown, after: unknown): Change[] {
	const was = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
	const is = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
	const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])];
	return fields.map((field) => ({ field, before: shown(was[field]), after: shown(is[field]) }));
}
