import { and, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Answers } from '../../../institutes/form-fields';
import { authorize, can, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { InvalidInput, NotFound, Refused } from '../../errors';
import { isUuid } from '../../ids';
import { isMediaKey } from '../../media/storage';
import { storeFile } from '../../media/stored-photo';
import { application, applicationAttachment } from '../applications.table';
import type { InstitutesContext } from '../context';
import { reviewedApplication } from '../review/reviewed-application';
import { applicationFor, isEditable } from './access';
import { documentTypeOf } from './document-type';

const refused = (field: string, message: string) => new InvalidInput([{ path: `answer.${field}`, message }]);

/** A file's name as shown, without any path a browser may send and without control characters. */
function cleanName(name: string, extension: string) {
	const base = (name.split(/[\\/]/).pop() ?? '')
		.split('')
		.filter((character) => character.charCodeAt(0) >= 0x20 && character.charCodeAt(0) !== 0x7f)
		.join('')
		.trim()
		.slice(0, 200);
	return base || `document.${extension}`;
}

const withIds = (answers: Answers, field: string, change: (ids: string[]) => string[]): Answers => {
	const current = answers[field];
	const ids = change(Array.isArray(current) ? current : current ? [current] : []);
	const next = { ...answers };
	if (ids.length > 0) next[field] = ids;
	else delete next[field];
	return next;
};

/**
 * Attaches a file to a file question of an editable application. Its type is read from its
 * content (PDF, photo, office document); anything else, or anything too large, is refused and
 * nothing is kept. Returns the attachment's id.
 */
export async function attachFile(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	input: { field: string; name: string; bytes: Uint8Array | undefined }
): Promise<string> {
	const found = await applicationFor(db, actor, id);
	const question = found.form.fields.find((field) => field.key === input.field && field.kind === 'file');
	if (!question) throw new InvalidInput([{ path: 'field', message: m.application_answer_invalid() }]);
	if (!input.bytes || input.bytes.length === 0) throw refused(question.key, m.application_file_required());
	if (input.bytes.length > context.attachments.maxBytes)
		throw refused(
			question.key,
			m.application_file_too_large({ megabytes: Math.round(context.attachments.maxBytes / 1_000_000) })
		);
	const type = documentTypeOf(input.bytes);
	if (!type) throw refused(question.key, m.application_file_type_refused());
	const bytes = input.bytes;
	return storeFile(
		context.attachments.storage,
		`applications/${found.application.id}`,
		bytes,
		type.extension,
		(key) =>
			db.transaction(async (tx) => {
				const locked = await applicationFor(tx, actor, id, true);
				if (!isEditable(locked.application.status))
					throw new Refused('not_editable', m.application_not_editable());
				const [created] = await tx
					.insert(applicationAttachment)
					.values({
						applicationId: id,
						fieldKey: question.key,
						key,
						name: cleanName(input.name, type.extension),
						mime: type.mime,
						bytes: bytes.length,
						uploadedBy: actor?.userId ?? null
					})
					.returning({ id: applicationAttachment.id });
				if (!created) throw new Error('attachment insert returned nothing');
				const answers = withIds(locked.application.answers, question.key, (ids) => [...ids, created.id]);
				await tx.update(application).set({ answers, updatedAt: context.now() }).where(eq(application.id, id));
				return created.id;
			})
	);
}

/** Removes an attachment from an editable application, and its file. */
export async function removeAttachment(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	id: string,
	attachmentId: string
) {
	if (!isUuid(attachmentId)) throw new NotFound(m.application_attachment_not_found());
	const key = await db.transaction(async (tx) => {
		const locked = await applicationFor(tx, actor, id, true);
		if (!isEditable(locked.application.status))
			throw new Refused('not_editable', m.application_not_editable());
		const [removed] = await tx
			.delete(applicationAttachment)
			.where(and(eq(applicationAttachment.id, attachmentId), eq(applicationAttachment.applicationId, id)))
			.returning({ key: applicationAttachment.key, field: applicationAttachment.fieldKey });
		if (!removed) throw new NotFound(m.application_attachment_not_found());
		if (removed.field) {
			const answers = withIds(locked.application.answers, removed.field, (ids) =>
				ids.filter((item) => item !== attachmentId)
			);
			await tx.update(application).set({ answers, updatedAt: context.now() }).where(eq(application.id, id));
		}
		return removed.key;
	});
	await context.attachments.storage.remove(key);
}

/** An application's attachments, for its page. */
export const attachmentsOf = (db: Database, applicationId: string) =>
	db
		.select({
			id: applicationAttachment.id,
			field: applicationAttachment.fieldKey,
			name: applicationAttachment.name,
			mime: applicationAttachment.mime,
			bytes: applicationAttachment.bytes
		})
		.from(applicationAttachment)
		.where(eq(applicationAttachment.applicationId, applicationId))
		.orderBy(applicationAttachment.createdAt);

/**
 * An attachment's file, for the applicant or for reviewers; anyone else finds nothing. The file
 * is read whole: attachments are at most a few megabytes.
 */
export async function readAttachment(
	db: Database,
	context: InstitutesContext,
	actor: Actor | null,
	attachmentId: string
) {
	authorize(actor, 'applications.apply');
	if (!isUuid(attachmentId)) throw new NotFound(m.application_attachment_not_found());
	const [row] = await db
		.select({ attachment: applicationAttachment })
		.from(applicationAttachment)
		.where(eq(applicationAttachment.id, attachmentId));
	if (!row) throw new NotFound(m.application_attachment_not_found());
	const applicationId = row.attachment.applicationId;
	// Reviewers read what was sent to them, never a draft; applicants read their own.
	if (can(actor, 'applications.review'))
		await reviewedApplication(db, applicationId).catch(() => applicationFor(db, actor, applicationId));
	else await applicationFor(db, actor, applicationId);
	const bytes = isMediaKey(row.attachment.key)
		? await context.attachments.storage.get(row.attachment.key)
		: null;
	if (!bytes) throw new NotFound(m.application_attachment_not_found());
	return { bytes, name: row.attachment.name, mime: row.attachment.mime };
}
