/** What the editor's forms answer: which form failed (values.form) and its field errors. */
export type EditorForm =
	| { values?: Record<string, string>; errors?: Record<string, string>; message?: string; done?: string }
	| null
	| undefined;
