import { existsSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPersonalData } from '../../src/lib/server/accounts/personal-data';
import { moduleCompletion, trainingModule } from '../../src/lib/server/db/schema';
import { demoModules } from '../../src/lib/server/db/seed/modules';
import { InvalidInput, NotFound, NotSignedIn } from '../../src/lib/server/errors';
import { completeQuiz } from '../../src/lib/server/learning/complete-quiz';
import { completedAmong } from '../../src/lib/server/learning/completed';
import { getModule, listModules, listMyCompletions } from '../../src/lib/server/learning/modules';
import { backends, type Database, type TestDatabase } from './database';
import { createPerson } from './people';

const SLUG = 'camera-basics';
function demoModule(slug: string) {
	const found = demoModules.find((module) => module.slug === slug);
	if (!found) throw new Error(`the demo has no ${slug} module`);
	return found;
}
const cameraBasics = demoModule(SLUG);

/** The quiz answered as posted by the form, right or with the given questions (from 1) wrong. */
function answers(wrong: number[] = []) {
	return Object.fromEntries(
		cameraBasics.quiz.map((question, index) => {
			const choice = wrong.includes(index + 1)
				? (question.answer + 1) % question.choices.length
				: question.answer;
			return [`q${index + 1}`, String(choice)];
		})
	);
}

async function completions(db: Database) {
	const [row] = await db.select({ rows: count() }).from(moduleCompletion);
	return row?.rows ?? 0;
}

describe('the demo modules', () => {
	it.each(demoModules.map((module) => [module.slug, module] as const))(
		'%s has a lesson in both languages, an image and three answerable questions',
		(_, module) => {
			for (const text of [module.title, module.summary, module.body]) {
				expect(text.en?.trim().length ?? 0).toBeGreaterThan(5);
				expect(text.en).not.toBe(text.fr);
			}
			const images = [...module.body.fr.matchAll(/!\[([^\]]+)\]\((\/learn\/[\w-]+\.svg)\)/g)];
			expect(images.length).toBeGreaterThan(0);
			for (const [, alt, src] of images) {
				expect(alt?.length).toBeGreaterThan(20);
				expect(existsSync(`static${src}`), src).toBe(true);
			}
			expect(module.quiz).toHaveLength(3);
			for (const question of module.quiz) {
				expect(question.prompt.en?.trim().length ?? 0).toBeGreaterThan(10);
				// A choice written the same in both languages ("1/50 s") may leave out its English.
				expect(question.choices.every((choice) => choice.fr.trim() !== '' && choice.en?.trim() !== '')).toBe(
					true
				);
				expect(question.choices.length).toBeGreaterThanOrEqual(3);
				expect(question.answer).toBeGreaterThanOrEqual(0);
				expect(question.answer).toBeLessThan(question.choices.length);
			}
		}
	);

	it('include an audio clip with its transcript, in each language', () => {
		const { body } = demoModule('recording-outdoors');
		for (const text of [body.fr, body.en ?? '']) {
			const sources = [...text.matchAll(/<source src="(\/learn\/[\w-]+\.(ogg|mp3))"/g)];
			expect(sources).toHaveLength(2);
			for (const [, src] of sources) expect(existsSync(`static${src}`), src).toBe(true);
			expect(text).toMatch(/<summary>Transcri(ption|pt)/);
		}
	});
});

for (const backend of backends()) {
	describe(`training modules on ${backend.name}`, () => {
		let database: TestDatabase;
		beforeAll(async () => {
			database = await backend.fresh();
			await database.db.insert(trainingModule).values(demoModules);
		});
		afterAll(() => database.close());

		it('lists the modules for anyone, in their language', async () => {
			const modules = await listModules(database.db, null, 'en');
			expect(modules.map((module) => module.title)).toEqual([
				'Camera basics',
				'Choosing a Creative Commons licence',
				'Founding an association (loi 1901)',
				'Recording sound outdoors'
			]);
			expect((await listModules(database.db, null, 'fr')).map((module) => module.slug)).toEqual([
				'choosing-a-licence',
				'recording-outdoors',
				'founding-an-association',
				'camera-basics'
			]);
			expect(modules.find((module) => module.slug === SLUG)).toEqual({
				slug: SLUG,
				title: 'Camera basics',
				summary: cameraBasics.summary.en,
				durationMinutes: 20,
				completion: null
			});
		});

		it('shows a lesson as sanitized HTML, and its questions without their answers', async () => {
			const lesson = await getModule(database.db, null, SLUG, 'fr');
			expect(lesson.title).toBe('Les bases de la caméra');
			expect(lesson.html).toContain('<h2>L’exposition</h2>');
			expect(lesson.html).toMatch(/<img src="\/learn\/camera-basics.svg" alt="Une caméra cinéma[^"]+"/);
			expect(lesson.questions).toHaveLength(3);
			expect(lesson.questions[0]).toEqual({
				prompt: 'Vous filmez à 25 images par seconde. À quelle vitesse réglez-vous l’obturateur ?',
				choices: ['1/25 s', '1/50 s', '1/500 s']
			});
			expect(JSON.stringify(lesson)).not.toContain('"answer"');
			await expect(getModule(database.db, null, 'no-such-module', 'fr')).rejects.toThrow(NotFound);
		});

		it('records nothing for someone signed out', async () => {
			await expect(completeQuiz(database.db, null, SLUG, answers())).rejects.toThrow(NotSignedIn);
			expect(await completions(database.db)).toBe(0);
		});

		it('names the wrong questions and records nothing', async () => {
			const person = await createPerson(database.db);
			expect(await completeQuiz(database.db, person.actor, SLUG, answers([1, 3]))).toEqual({
				passed: false,
				wrong: [1, 3],
				total: 3
			});
			expect(await completeQuiz(database.db, person.actor, SLUG, answers([2]))).toMatchObject({ wrong: [2] });
			expect(await completions(database.db)).toBe(0);
		});

		it('refuses unanswered questions and unknown modules, recording nothing', async () => {
			const person = await createPerson(database.db, { locale: 'en' });
			const { q2: _skipped, ...partial } = answers();
			await expect(completeQuiz(database.db, person.actor, SLUG, partial)).rejects.toMatchObject({
				issues: [{ path: 'q2', message: 'Choisissez une réponse.' }]
			});
			await expect(completeQuiz(database.db, person.actor, SLUG, { ...answers(), q1: '7' })).rejects.toThrow(
				InvalidInput
			);
			await expect(completeQuiz(database.db, person.actor, 'no-such-module', answers())).rejects.toThrow(
				NotFound
			);
			expect(await completions(database.db)).toBe(0);
		});

		it('records the module when every answer is right, once', async () => {
			const person = await createPerson(database.db);
			const outcome = await completeQuiz(database.db, person.actor, SLUG, answers());
			expect(outcome).toMatchObject({ passed: true, completedAt: expect.any(Date) });
			const rows = await database.db
				.select()
				.from(moduleCompletion)
				.where(eq(moduleCompletion.userId, person.id));
			expect(rows).toMatchObject([{ method: 'quiz', recordedBy: null }]);

			// Passing again changes nothing: the first date stays.
			const again = await completeQuiz(database.db, person.actor, SLUG, answers());
			expect(again).toEqual(outcome);
			expect(await completions(database.db)).toBe(1);

			const listed = await listModules(database.db, person.actor, 'fr');
			expect(listed.find((module) => module.slug === SLUG)?.completion).toEqual({
				method: 'quiz',
				completedAt: rows[0]?.completedAt
			});
			expect(listed.filter((module) => module.completion)).toHaveLength(1);
			expect((await getModule(database.db, person.actor, SLUG, 'fr')).completion?.method).toBe('quiz');
			// Someone else's completion is not mine.
			const other = await createPerson(database.db);
			expect(
				(await listModules(database.db, other.actor, 'fr')).filter((module) => module.completion)
			).toEqual([]);

			const moduleIds = rows.map((row) => row.moduleId);
			expect(await completedAmong(database.db, person.id, moduleIds)).toEqual(new Set(moduleIds));
		});

		it('keeps an in-person training as it was recorded', async () => {
			const person = await createPerson(database.db);
			const desk = await createPerson(database.db, { roles: ['desk'] });
			const [module] = await database.db
				.select({ id: trainingModule.id })
				.from(trainingModule)
				.where(eq(trainingModule.slug, SLUG));
			if (!module) throw new Error('camera-basics was not inserted');
			const completedAt = new Date('2026-03-02T10:00:00Z');
			await database.db.insert(moduleCompletion).values({
				userId: person.id,
				moduleId: module.id,
				method: 'in_person',
				recordedBy: desk.id,
				completedAt
			});
			expect(await completeQuiz(database.db, person.actor, SLUG, answers())).toEqual({
				passed: true,
				completedAt
			});
			expect((await getModule(database.db, person.actor, SLUG, 'en')).completion).toEqual({
				method: 'in_person',
				completedAt
			});
		});

		it('lists my completions on my account and in my data export', async () => {
			await expect(listMyCompletions(database.db, null, 'fr')).rejects.toThrow(NotSignedIn);
			const person = await createPerson(database.db);
			expect(await listMyCompletions(database.db, person.actor, 'en')).toEqual([]);
			await completeQuiz(database.db, person.actor, SLUG, answers());
			expect(await listMyCompletions(database.db, person.actor, 'en')).toEqual([
				{ slug: SLUG, title: 'Camera basics', method: 'quiz', completedAt: expect.any(Date) }
			]);
			const data = await exportPersonalData(database.db, person.actor);
			expect(data.trainings).toEqual([
				{ module: SLUG, title: cameraBasics.title, method: 'quiz', completedAt: expect.any(Date) }
			]);
		});
	});
}
