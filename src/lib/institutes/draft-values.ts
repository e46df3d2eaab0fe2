import type { Answers, FormField } from './form-fields';

/**
 * What a draft's form holds, as the person typed it: amounts in euros ("1 250,50"), checkboxes as
 * lists. The server turns these into answers (amounts in cents); the device keeps them as typed.
 */
export type FormValues = Record<string, string | string[]>;

/** The name of a question's input in the application form. */
export const answerName = (key: string) => `answer.${key}`;

/** Cents as euros for an input: 125050 → "1250,50" (French) or "1250.50". */
export function centsToEuros(cents: string, locale: string): string {
	if (!/^\d+$/.test(cents)) return cents;
	const whole = cents.length > 2 ? cents.slice(0, -2) : '0';
	const part = cents.padStart(2, '0').slice(-2);
	const separator = locale === 'fr' ? ',' : '.';
	return part === '00'
		? whole.replace(/^0+(?=\d)/, '')
		: `${whole.replace(/^0+(?=\d)/, '')}${separator}${part}`;
}

/**
 * Euros as typed, with a comma or a point for the cents and any spaces between thousands, as
 * whole cents in digits; null when it is not an amount.
 */
export function eurosToCents(typed: string): string | null {
	const text = typed.replace(/[\s\u00a0\u202f€]/g, '');
	const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(text);
	if (!match) return null;
	const cents = BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '0').padEnd(2, '0'));
	return cents.toString();
}

/** The form's values for stored answers (files are listed apart, not typed). */
export function valuesOfAnswers(fields: readonly FormField[], answers: Answers, locale: string): FormValues {
	const values: FormValues = {};
	for (const field of fields) {
		const answer = answers[field.key];
		if (field.kind === 'file' || answer === undefined) continue;
		if (field.kind === 'checkboxes') values[field.key] = Array.isArray(answer) ? answer : [answer];
		else if (field.kind === 'amount' && typeof answer === 'string')
			values[field.key] = centsToEuros(answer, locale);
		else values[field.key] = Array.isArray(answer) ? answer.join(', ') : answer;
	}
	return values;
}

/** The typed answers a form posts ("answer.<key>" inputs; several values make a list). */
export function valuesOfPost(data: FormData): FormValues {
	const values: FormValues = {};
	for (const name of new Set(data.keys())) {
		if (!name.startsWith('answer.')) continue;
		const posted = data.getAll(name).filter((value) => typeof value === 'string');
		values[name.slice('answer.'.length)] = posted.length === 1 ? (posted[0] ?? '') : posted;
	}
	return values;
}

/** One value as text, for inputs that hold one. */
export const textOf = (value: string | string[] | undefined) =>
	Array.isArray(value) ? value.join(', ') : (value ?? '');
