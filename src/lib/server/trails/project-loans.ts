import { and, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { LocalizedText } from '../../i18n/localized-text';
import type { Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { parseInput } from '../forms';
import { booking } from '../lending/bookings.table';
import { equipmentModel, kit } from '../lending/equipment.table';
import { projectFor } from './access';
import { projectLoan } from './trails.table';

// Only gear actually taken out can have served a project.
const USED = ['checked_out', 'returned'] as const;
const loanSchema = z.object({ booking: z.uuid({ error: () => m.project_loan_unknown() }) });

const loanColumns = {
	id: booking.id,
	code: booking.code,
	startsAt: booking.startsAt,
	item: sql<LocalizedText>`coalesce(${equipmentModel.name}, ${kit.name})`
};

/**
 * "Made with" for a project's editors: the loans already named, and the editor's own loans that
 * could be (one names only what one borrowed oneself).
 */
export async function loansForProject(db: Database, actor: Actor | null, projectSlug: string) {
	const found = await projectFor(db, actor, projectSlug, 'groups.edit-content');
	const linked = db
		.select({ bookingId: projectLoan.bookingId })
		.from(projectLoan)
		.where(and(eq(projectLoan.projectId, found.project.id), eq(projectLoan.bookingId, booking.id)));
	const [named, own] = await Promise.all([
		db
			.select(loanColumns)
			.from(projectLoan)
			.innerJoin(booking, eq(booking.id, projectLoan.bookingId))
			.leftJoin(equipmentModel, eq(equipmentModel.id, booking.modelId))
			.leftJoin(kit, eq(kit.id, booking.kitId))
			.where(eq(projectLoan.projectId, found.project.id))
			.orderBy(desc(booking.startsAt)),
		db
			.select(loanColumns)
			.from(booking)
			.leftJoin(equipmentModel, eq(equipmentModel.id, booking.modelId))
			.leftJoin(kit, eq(kit.id, booking.kitId))
			.where(and(eq(booking.userId, actor?.userId ?? ''), inArray(booking.status, USED), notExists(linked)))
			.orderBy(desc(booking.startsAt))
			.limit(50)
	]);
	return { named, own };
}

export async function linkLoan(db: Database, actor: Actor | null, projectSlug: string, input: unknown) {
	const found = await projectFor(db, actor, projectSlug, 'groups.edit-content');
	const request = parseInput(loanSchema, input);
	const [loan] = await db
		.select({ id: booking.id })
		.from(booking)
		.where(
			and(
				eq(booking.id, request.booking),
				eq(booking.userId, actor?.userId ?? ''),
				inArray(booking.status, USED)
			)
		);
	if (!loan) throw new NotFound(m.project_loan_unknown());
	await db
		.insert(projectLoan)
		.values({ projectId: found.project.id, bookingId: loan.id })
		.onConflictDoNothing();
}

export async function unlinkLoan(db: Database, actor: Actor | null, projectSlug: string, input: unknown) {
	const found = await projectFor(db, actor, projectSlug, 'groups.edit-content');
	const request = parseInput(loanSchema, input);
	const removed = await db
		.delete(projectLoan)
		.where(and(eq(projectLoan.projectId, found.project.id), eq(projectLoan.bookingId, request.booking)))
		.returning({ id: projectLoan.bookingId });
	if (removed.length === 0) throw new NotFound(m.project_loan_unknown());
}
