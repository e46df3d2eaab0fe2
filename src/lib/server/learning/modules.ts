import { eq } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime';
import { pickLocalized } from '../../i18n/localized-text';
import { authorize, type Actor } from '../auth/permissions';
import type { Database } from '../db/client';
import { NotFound } from '../errors';
import { renderMarkdown } from '../markdown';
import { completionsOf } from './completed';
import { trainingModule } from './modules.table';

export type Completion = { method: 'quiz' | 'in_person'; completedAt: Date };

export type ModuleSummary = {
	slug: string;
	title: string;
	summary: string;
	durationMinutes: number;
	/** Null for someone who has not completed it, and for visitors who are not signed in. */
	completion: Completion | null;
};

/** A lesson ready to show: its body as sanitized HTML, its questions without their answers. */
export type Lesson = ModuleSummary & {
	html: string;
	questions: { prompt: string; choices: string[] }[];
};

async function completionsByModule(db: Database, actor: Actor | null): Promise<Map<string, Completion>> {
	if (!actor) return new Map();
	const rows = await completionsOf(db, actor.userId);
	return new Map(rows.map(({ moduleId, method, completedAt }) => [moduleId, { method, completedAt }]));
}

/** The training modules, readable by anyone; a signed-in person also sees which they completed. */
export async function listModules(
	db: Database,
	actor: Actor | null,
	locale: Locale
): Promise<ModuleSummary[]> {
	const [modules, completions] = await Promise.all([
		db.select().from(trainingModule),
		completionsByModule(db, actor)
	]);
	const shown = modules.map((module) => ({
		slug: module.slug,
		title: pickLocalized(module.title, locale),
		summary: pickLocalized(module.summary, locale),
		durationMinutes: module.durationMinutes,
		completion: completions.get(module.id) ?? null
	}));
	// Modules have no order of their own; by title in the reader's language, a list is easy to scan.
	return shown.sort((a, b) => a.title.localeCompare(b.title, locale));
}

export async function getModule(
	db: Database,
	actor: Actor | null,
	slug: string,
	locale: Locale
): Promise<Lesson> {
	const [[module], completions] = await Promise.all([
		db.select().from(trainingModule).where(eq(trainingModule.slug, slug)),
		completionsByModule(db, actor)
	]);
	if (!module) throw new NotFound('module');
	return {
		slug: module.slug,
		title: pickLocalized(module.title, locale),
		summary: pickLocalized(module.summary, locale),
		durationMinutes: module.durationMinutes,
		completion: completions.get(module.id) ?? null,
		html: renderMarkdown(pickLocalized(module.body, locale)),
		questions: module.quiz.map((question) => ({
			prompt: pickLocalized(question.prompt, locale),
			choices: question.choices.map((choice) => pickLocalized(choice, locale))
		}))
	};
}

/** The person's own completed modules, for their account page. */
export async function listMyCompletions(db: Database, actor: Actor | null, locale: Locale) {
	authorize(actor, 'account.self');
	const rows = await completionsOf(db, actor.userId);
	return rows.map(({ slug, title, method, completedAt }) => ({
		slug,
		title: pickLocalized(title, locale),
		method,
		completedAt
	}));
}
