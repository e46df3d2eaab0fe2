import { isDeepStrictEqual } from 'node:util';
import { count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { formFields, type FormField } from '$lib/institutes/form-fields';
import { recordAudit } from '../../audit/record';
import { user } from '../../auth/auth.table';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { InvalidInput, type Issue } from '../../errors';
import { application } from '../applications.table';
import { applicationForm } from '../institutes.table';
import { blankQuestion, draftOf, type QuestionDraft } from '$lib/institutes/builder/form-drafts';
import { applyListEdit, type ListEdit } from '$lib/institutes/builder/list-edits';
import { programmeBySlug } from './lookup';

/** The schema's complaint about one part of a question, in the staff's language. */
function messageFor(part: string | undefined, lang: string | undefined, code: string): string {
	if (part === 'key') return m.programme_question_key_invalid();
	if (part === 'options') return m.programme_question_options_invalid();
	if (code === 'too_big') return m.model_text_too_long({ max: part === 'help' ? 1000 : 500 });
	if (part === 'label' && lang === 'fr') return m.programme_question_label_required();
	return m.form_has_errors();
}

const fieldName = (part: string | undefined, lang: string | undefined) =>
	part && (part === 'label' || part === 'help') ? `${part}${lang === 'en' ? 'En' : 'Fr'}` : (part ?? 'key');

/** Issues named as the builder names its inputs (`q.<index>.<name>`), or `form` for the whole. */
function builderIssues(error: z.ZodError): Issue[] {
	return error.issues.map((issue) => {
		const [index, part, lang] = issue.path.map(String);
		if (index === undefined)
			return {
				path: 'form',
				message:
					issue.code === 'too_small' ? m.programme_form_needs_question() : m.programme_form_keys_unique()
			};
		return { path: `q.${index}.${fieldName(part, lang)}`, message: messageFor(part, lang, issue.code) };
	});
}

function parseFields(input: unknown): FormField[] {
	const result = formFields.safeParse(input);
	if (!result.success) throw new InvalidInput(builderIssues(result.error));
	const twice = result.data.findIndex(
		(field) => new Set(field.options.map((option) => option.value)).size !== field.options.length
	);
	if (twice >= 0)
		throw new InvalidInput([{ path: `q.${twice}.options`, message: m.programme_options_unique() }]);
	return result.data;
}

/** The current questions and every version written, with how many applications each carries. */
export async function getFormBuilder(db: Database, actor: Actor | null, slug: string) {
	authorize(actor, 'institutes.manage');
	const found = await programmeBySlug(db, slug);
	const versions = await db
		.select({
			id: applicationForm.id,
			version: applicationForm.version,
			fields: applicationForm.fields,
			createdAt: applicationForm.createdAt,
			author: user.name
		})
		.from(applicationForm)
		.leftJoin(user, eq(user.id, applicationForm.createdBy))
		.where(eq(applicationForm.programmeId, found.id))
		.orderBy(desc(applicationForm.version));
	const uses = await db
		.select({ formId: application.formId, applications: count() })
		.from(application)
		.where(eq(application.programmeId, found.id))
		.groupBy(application.formId);
	return {
		programme: { slug: found.slug, title: found.title },
		drafts: (versions[0]?.fields ?? []).map(draftOf),
		history: versions.map(({ id, fields, ...version }) => ({
			...version,
			questions: fields.length,
			applications: uses.find((use) => use.formId === id)?.applications ?? 0
		}))
	};
}

/**
 * Writes the next version of a programme's form when its questions changed. Versions are never
 * rewritten: applications already begun keep the questions they were started on.
 */
export async function saveApplicationForm(db: Database, actor: Actor | null, slug: string, input: unknown) {
	authorize(actor, 'institutes.manage');
	const fields = parseFields(input);
	return db.transaction(async (tx) => {
		// Locking the programme numbers concurrent versions one after the other.
		const found = await programmeBySlug(tx, slug, true);
		const [latest] = await tx
			.select({ version: applicationForm.version, fields: applicationForm.fields })
			.from(applicationForm)
			.where(eq(applicationForm.programmeId, found.id))
			.orderBy(desc(applicationForm.version))
			.limit(1);
		if (latest && isDeepStrictEqual(latest.fields, fields))
			return { version: latest.version, created: false };
		const version = (latest?.version ?? 0) + 1;
		const [created] = await tx
			.insert(applicationForm)
			.values({ programmeId: found.id, version, fields, createdBy: actor.userId })
			.returning({ id: applicationForm.id });
		if (!created) throw new Error('form insert returned nothing');
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'programme.form',
			subjectType: 'programme',
			subjectId: found.id,
			after: { version, questions: fields.map((field) => field.key) }
		});
		return { version, created: true };
	});
}

/** The builder's questions after adding, removing or moving one; nothing is saved until "save". */
export async function editFormDraft(
	db: Database,
	actor: Actor | null,
	slug: string,
	drafts: QuestionDraft[],
	edit: ListEdit
) {
	authorize(actor, 'institutes.manage');
	await programmeBySlug(db, slug);
	return applyListEdit(drafts, edit, () => blankQuestion(drafts));
}
