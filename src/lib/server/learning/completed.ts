import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { moduleCompletion } from './completions.table';

/** The modules among `moduleIds` that the person has completed (online or in person). */
export async function completedAmong(db: Database, userId: string, moduleIds: string[]): Promise<Set<string>> {
	if (moduleIds.length === 0) return new Set();
	const rows = await db
		.select({ moduleId: moduleCompletion.moduleId })
		.from(moduleCompletion)
		.where(and(eq(moduleCompletion.userId, userId), inArray(moduleCompletion.moduleId, moduleIds)));
	return new Set(rows.map((row) => row.moduleId));
}
