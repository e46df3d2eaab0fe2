import { formFields } from '../forms';

/** A project form's fields, with every checked theme (a plain read keeps only the last). */
export function projectFields(data: FormData) {
	return { ...formFields(data), themes: data.getAll('themes').filter((value) => typeof value === 'string') };
}

/** The same, as the form shows it back after a refusal. */
export const projectValues = (fields: ReturnType<typeof projectFields>) => ({
	...fields,
	themes: fields.themes.join(',')
});
