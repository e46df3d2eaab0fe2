/** What a refused form of this page left: which form, what was typed, and the messages per field. */
export type Failure = { form: string | null; values: Record<string, string>; errors: Record<string, string> };

export const valueIn = (failure: Failure, form: string, name: string) =>
	failure.form === form ? (failure.values[name] ?? '') : '';

export const errorIn = (failure: Failure, form: string, name: string) =>
	failure.form === form ? failure.errors[name] : undefined;
