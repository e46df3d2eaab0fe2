import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/record';
import { user } from '../auth/auth.table';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { InvalidInput } from '../errors';
import { parseInput } from '../forms';
import { emailField } from '../accounts/schemas';
import { moduleCompletion } from './completions.table';
import { trainingModule } from './modules.table';

export const inPersonTrainingSchema = z.object({
	email: emailField,
	module: z
		.string({ error: () => m.training_record_module_required() })
		.trim()
		.min(1, {
			error: () => m.training_record_module_required()
		})
});

/** The modules the desk can record, for its form. */
export async function listModulesToRecord(db: Database, actor: Actor | null) {
	authorize(actor, 'training.record');
	return db
		.select({ slug: trainingModule.slug, title: trainingModule.title })
		.from(trainingModule)
		.orderBy(asc(trainingModule.slug));
}

/**
 * Records that a resident followed a training in person at the desk: it then counts exactly as a
 * quiz passed online. Recording it again changes nothing and says so.
 */
export async function recordInPersonTraining(db: Database, actor: Actor | null, input: unknown) {
	authorize(actor, 'training.record');
	const request = parseInput(inPersonTrainingSchema, input);
	return db.transaction(async (tx) => {
		const [person] = await tx
			.select({ id: user.id, name: user.name })
			.from(user)
			.where(eq(user.email, request.email));
		if (!person) throw new InvalidInput([{ path: 'email', message: m.training_record_no_account() }]);
		const [module] = await tx
			.select({ id: trainingModule.id, slug: trainingModule.slug, title: trainingModule.title })
			.from(trainingModule)
			.where(eq(trainingModule.slug, request.module));
		if (!module) throw new InvalidInput([{ path: 'module', message: m.training_record_module_required() }]);
		const [recorded] = await tx
			.insert(moduleCompletion)
			.values({ userId: person.id, moduleId: module.id, method: 'in_person', recordedBy: actor.userId })
			.onConflictDoNothing()
			.returning({ userId: moduleCompletion.userId });
		if (recorded) {
			await recordAudit(tx, {
				actorId: actor.userId,
				action: 'training.record_in_person',
				subjectType: 'user',
				subjectId: person.id,
				before: { module: module.slug, completed: false },
				after: { module: module.slug, completed: true, method: 'in_person' }
			});
		}
		return { person: person.name, module: module.title, alreadyCompleted: !recorded };
	});
}
