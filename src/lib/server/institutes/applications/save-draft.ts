import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { valuesOfAnswers, type FormValues } from '../../../institutes/draft-values';
import type { Answers, FormField } from '../../../institutes/form-fields';
import type { Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { Refused } from '../../errors';
import { parseInput } from '../../forms';
import { lineText } from '../../text-fields';
import { application } from '../applications.table';
import type { InstitutesContext } from '../context';
import { applicationFor, isEditable } from './access';
import { answersOf } from './answers';

const saveSchema = z.object({
	revision: z.coerce
		.number({ error: () => m.application_revision_missing() })
		.int()
		.positive(),
	title: lineText({ max: 200 }),
	values: z.record(z.string(), z.union([z.string().max(20_000), z.array(z.string().max(200)).max(60)])),
	publishFields: z.array(z.string().max(40)).max(60).default([]),
	publishName: z.boolean().default(false)
});

export type SaveInput = z.input<typeof saveSchema>;

/** What the server holds when a device sends words written on an older copy. */
export type ServerCopy = { revision: number; title: string; values: FormValues };

/** Refuses a save made on an older copy, and carries the newer one so the page can show it. */
export class StaleDraft extends Refused {
	constructor(readonly server: ServerCopy) {
		super('stale_revision', m.application_save_conflict(), 409);
	}
}

const filesOf = (fields: readonly FormField[], answers: Answers): Answers =>
	Object.fromEntries(
		fields
			.filter((field) => field.kind === 'file' && answers[field.key] !== undefined)
			.map((field) => [field.key, answers[field.key] ?? []])
	);

// Postgres gives jsonb keys back in its own order: compare answers key by key.
const sameAnswers = (left: Answers, right: Answers) =>
	Object.keys(left).length === Object.keys(right).length &&
	Object.entries(left).every(([key, value]) => JSON.stringify(value) === JSON.stringify(right[key]));
const sameList = (left: string[], right: string[]) =>
	[...left].sort().join('\n') === [...right].sort().join('\n');

/**
 * Keeps the title, typed answers and publication consent of a draft (or of one sent back for
 * changes). The device says which revision it last saw; if the server holds a newer one (written
 * from another device) and the words differ, nothing is overwritten and the newer copy comes
 * back with the refusal.
 */
export async function saveDraft(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: SaveInput,
	locale: string
): Promise<{ revision: number; savedAt: Date }> {
	const request = parseInput(saveSchema, input);
	return db.transaction(async (tx) => {
		const found = await applicationFor(tx, actor, id, true);
		const current = found.application;
		if (!isEditable(current.status)) throw new Refused('not_editable', m.application_not_editable());
		const fields = found.form.fields;
		const answers = answersOf(fields, request.values, filesOf(fields, current.answers));
		const publishable = new Set(fields.filter((field) => field.publishable).map((field) => field.key));
		const publishedFields = [...new Set(request.publishFields)].filter((key) => publishable.has(key));
		const publishName = found.application.groupId === null && request.publishName;
		const unchanged =
			current.title === request.title &&
			sameAnswers(current.answers, answers) &&
			sameList(current.publishedFields, publishedFields) &&
			current.publishName === publishName;
		// The same words sent twice (a save whose answer was lost, or sent again before submitting)
		// are no conflict, whatever revision the device last saw.
		if (unchanged) return { revision: current.revision, savedAt: current.updatedAt };
		if (current.revision !== request.revision)
			throw new StaleDraft({
				revision: current.revision,
				title: current.title,
				values: valuesOfAnswers(fields, current.answers, locale)
			});
		const now = context.now();
		const [saved] = await tx
			.update(application)
			.set({
				title: request.title,
				answers,
				publishedFields,
				publishName,
				revision: sql`${application.revision} + 1`,
				updatedAt: now
			})
			.where(eq(application.id, id))
			.returning({ revision: application.revision });
		if (!saved) throw new Error('draft update returned nothing');
		return { revision: saved.revision, savedAt: now };
	});
}
