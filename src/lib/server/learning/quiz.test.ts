import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors';
import type { QuizQuestion } from './modules.table';
import { gradeQuiz, parseAnswers } from './quiz';

const question = (answer: number, choices = 3): QuizQuestion => ({
	prompt: { fr: 'Question ?' },
	choices: Array.from({ length: choices }, (_, index) => ({ fr: `Choix ${index}` })),
	answer
});
const quiz = [question(1), question(0), question(2, 4)];

describe('gradeQuiz', () => {
	it('passes when every answer is right', () => {
		expect(gradeQuiz(quiz, [1, 0, 2])).toEqual({ passed: true, wrong: [] });
	});

	it('names the wrong questions, numbered from 1', () => {
		expect(gradeQuiz(quiz, [1, 2, 3])).toEqual({ passed: false, wrong: [2, 3] });
		expect(gradeQuiz(quiz, [0, 1, 0])).toEqual({ passed: false, wrong: [1, 2, 3] });
	});

	it('counts missing answers as wrong', () => {
		expect(gradeQuiz(quiz, [1])).toEqual({ passed: false, wrong: [2, 3] });
	});

	it('never passes an empty quiz', () => {
		expect(gradeQuiz([], [])).toEqual({ passed: false, wrong: [] });
	});
});

describe('parseAnswers', () => {
	it('reads one choice per question from the posted fields', () => {
		expect(parseAnswers(quiz, { q1: '1', q2: '0', q3: '3', other: 'x' })).toEqual([1, 0, 3]);
	});

	it('refuses unanswered questions and choices that do not exist, field by field', () => {
		const refusal = (() => {
			try {
				parseAnswers(quiz, { q1: '', q2: '3', q3: '-1' });
			} catch (problem) {
				return problem;
			}
		})();
		expect(refusal).toBeInstanceOf(InvalidInput);
		expect((refusal as InvalidInput).issues).toEqual([
			{ path: 'q1', message: 'Choisissez une réponse.' },
			{ path: 'q2', message: 'Choisissez une réponse.' },
			{ path: 'q3', message: 'Choisissez une réponse.' }
		]);
		expect(() => parseAnswers(quiz, { q1: '1', q2: '0' })).toThrow(InvalidInput);
		expect(() => parseAnswers(quiz, { q1: '1.0', q2: '0', q3: '0' })).toThrow(InvalidInput);
		expect(() => parseAnswers(quiz, null)).toThrow(InvalidInput);
	});
});
