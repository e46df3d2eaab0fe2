import { z } from 'zod';

/** A piece of an OpenAPI 3.1 document (plain JSON). */
export type Json = { [key: string]: unknown };

/** The paths one domain serves and the named schemas they refer to. */
export type ApiSection = { paths: Record<string, Json>; schemas: Record<string, Json> };

/**
 * A schema of the validation pipeline checks a string twice: first trimmed and non-empty (for a
 * clear "required" message), then its format. The input side of a pipe is only the first stage,
 * so the format of the second stage is carried over by hand.
 */
function formatOfPipes(context: { zodSchema: unknown; jsonSchema: Json }) {
	const schema = context.zodSchema;
	if (!(schema instanceof z.ZodPipe) || schema.out instanceof z.ZodTransform) return;
	const { format } = z.toJSONSchema(schema.out, { io: 'input', unrepresentable: 'any' });
	if (typeof format === 'string') context.jsonSchema.format = format;
}

function convert(schema: z.ZodType, io: 'input' | 'output'): Json {
	// Transforms and refinements have no JSON Schema; with io 'input' they describe what is accepted.
	const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
		io,
		unrepresentable: 'any',
		override: formatOfPipes
	});
	return json;
}

/** What an endpoint accepts, from the zod schema that validates it. */
export const requestSchema = (schema: z.ZodType) => convert(schema, 'input');

/** What an endpoint answers. */
export const responseSchema = (schema: z.ZodType) => convert(schema, 'output');

/** One query parameter per property of the zod schema that validates the query. */
export function queryParameters(schema: z.ZodType, descriptions: Record<string, string> = {}): Json[] {
	const json = requestSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
	return Object.entries(json.properties ?? {}).map(([name, property]) => ({
		name,
		in: 'query',
		required: json.required?.includes(name) ?? false,
		...(descriptions[name] ? { description: descriptions[name] } : {}),
		schema: property
	}));
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const jsonContent = (schema: Json) => ({ 'application/json': { schema } });

/** A JSON answer whose body is one of the named schemas. */
export const answer = (description: string, ...names: string[]) => ({
	description,
	content: jsonContent(names.length === 1 ? ref(names[0] ?? '') : { oneOf: names.map(ref) })
});

const issue = z.strictObject({
	path: z.string().meta({ description: 'The field at fault ("_" for the body as a whole)' }),
	message: z.string()
});

/** The refusals of src/lib/server/api.ts: `error` is a stable code, `message` is for people. */
export const errorSchemas = {
	Error: z.strictObject({
		error: z.string().meta({
			description: 'A stable code: not_signed_in, forbidden, not_found, active_limit, not_cancellable, …'
		}),
		message: z.string().meta({ description: "For people, in the request's language" })
	}),
	InvalidError: z.strictObject({
		error: z.literal('invalid'),
		message: z.string(),
		issues: z.array(issue)
	})
};

export const errorComponents = () =>
	Object.fromEntries(Object.entries(errorSchemas).map(([name, schema]) => [name, responseSchema(schema)]));

/** Answers every API endpoint may give. */
export const failures = {
	401: answer('Not signed in (`not_signed_in`)', 'Error'),
	403: answer('Not allowed for this account (`forbidden`)', 'Error'),
	404: answer('Nothing by that name, or not yours (`not_found`)', 'Error'),
	422: answer('Malformed input (`invalid`), each problem with the field it concerns', 'InvalidError')
};
