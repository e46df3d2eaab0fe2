import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { moduleCompletion } from './completions.table';
import { trainingModule } from './modules.table';

/** The modules among `moduleIds` that the person has completed (online or in person). */
export async function completedAmong(
	db: Database,
	userId: string,
	moduleIds: string[]
): Promise<Set<string>> {
	if (moduleIds.length === 0) return new Set();
	const rows = await db
		.select({ moduleId: moduleCompletion.moduleId })
		.from(moduleCompletion)
		.where(and(eq(moduleCompletion.userId, userId), inArray(moduleCompletion.moduleId, moduleIds)));
	return new Set(rows.map((row) => row.moduleId));
}

/** Every module the person has completed, oldest first, with how and when. */
export function completionsOf(db: Database, userId: string) {
	return db
		.select({
			moduleId: moduleCompletion.moduleId,
			slug: trainingModule.slug,
			title: trainingModule.title,
			method: moduleCompletion.method,
			completedAt: moduleCompletion.completedAt
		})
		.from(moduleCompletion)
		.innerJoin(trainingModule, eq(trainingModule.id, moduleCompletion.moduleId))
		.where(eq(moduleCompletion.userId, userId))
		.orderBy(asc(moduleCompletion.completedAt), asc(trainingModule.slug));
}
