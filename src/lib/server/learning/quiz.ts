import { z } from 'zod';
import { answerField } from '$lib/learning/answer-field';
import { m } from '$lib/paraglide/messages';
import { parseInput } from '../forms';
import type { QuizQuestion } from './modules.table';

/** The answers a form posted, as choice indexes; a question left unanswered is refused (400). */
export function parseAnswers(quiz: readonly QuizQuestion[], input: unknown): number[] {
	const choice = (question: QuizQuestion) =>
		z
			.enum(
				question.choices.map((_, index) => String(index)),
				{ error: () => m.learn_answer_missing() }
			)
			.transform(Number);
	const schema = z.object(
		Object.fromEntries(quiz.map((question, index) => [answerField(index), choice(question)]))
	);
	const answers = parseInput(schema, input);
	return quiz.map((_, index) => answers[answerField(index)] as number);
}

/** Which questions (numbered from 1) got a wrong answer; passed only when none did. */
export function gradeQuiz(quiz: readonly QuizQuestion[], answers: readonly number[]) {
	const wrong = quiz.flatMap((question, index) => (answers[index] === question.answer ? [] : [index + 1]));
	return { passed: quiz.length > 0 && wrong.length === 0, wrong };
}
