import { and, eq } from 'drizzle-orm';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { moduleCompletion } from './completions.table';
import { trainingModule } from './modules.table';
import { gradeQuiz, parseAnswers } from './quiz';

export type QuizOutcome =
	| { passed: true; completedAt: Date }
	/** `wrong`: the questions answered wrongly, numbered from 1. Nothing is recorded. */
	| { passed: false; wrong: number[]; total: number };

/**
 * Grades a module's quiz on the server. All answers right records the module as completed (once:
 * an earlier completion, online or in person, keeps its date); anything else records nothing.
 */
export async function completeQuiz(
	db: Database,
	actor: Actor | null,
	slug: string,
	input: unknown
): Promise<QuizOutcome> {
	authorize(actor, 'learning.complete');
	const [module] = await db
		.select({ id: trainingModule.id, quiz: trainingModule.quiz })
		.from(trainingModule)
		.where(eq(trainingModule.slug, slug));
	if (!module || module.quiz.length === 0) throw new NotFound('module');
	const grade = gradeQuiz(module.quiz, parseAnswers(module.quiz, input));
	if (!grade.passed) return { passed: false, wrong: grade.wrong, total: module.quiz.length };

	await db
		.insert(moduleCompletion)
		.values({ userId: actor.userId, moduleId: module.id, method: 'quiz' })
		.onConflictDoNothing();
	const [completion] = await db
		.select({ completedAt: moduleCompletion.completedAt })
		.from(moduleCompletion)
		.where(and(eq(moduleCompletion.userId, actor.userId), eq(moduleCompletion.moduleId, module.id)));
	if (!completion) throw new NotFound('module');
	return { passed: true, completedAt: completion.completedAt };
}
