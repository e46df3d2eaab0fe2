import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { InvalidInput, type Issue } from './errors';

/** First message per field, ready for the form to show next to each input. */
export function fieldErrors(issues: readonly Issue[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) errors[issue.path] ??= issue.message;
	return errors;
}

/** A schema's complaints as issues, each with the path of the field it is about. */
export function issuesOf(error: z.ZodError): Issue[] {
	return error.issues.map((issue) => ({ path: issue.path.join('.') || '_', message: issue.message }));
}

/** Parses with a schema and throws InvalidInput (a 4xx) with the schema's localized messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	throw new InvalidInput(issuesOf(result.error));
}

/** The fields of a submitted form as a plain object (the last value wins for repeated names). */
export function formFields(data: FormData): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') fields[key] = value;
	return fields;
}

/** Reads a posted form; a body that is not one is the sender's mistake (400), not ours. */
export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, m.form_unreadable());
	}
}

export async function readForm(request: Request): Promise<Record<string, string>> {
	return formFields(await readFormData(request));
}

/** The bytes of a file field, or undefined when none was chosen (browsers post an empty file). */
export async function fileBytes(data: FormData, name: string): Promise<Uint8Array | undefined> {
	const file = data.get(name);
	return file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
}
