import { m } from '$lib/paraglide/messages';
import { eurosToCents, type FormValues } from '../../../institutes/draft-values';
import type { Answer, Answers, FormField } from '../../../institutes/form-fields';
import { InvalidInput, type Issue } from '../../errors';

const LIMITS = { short_text: 300, long_text: 10_000, link: 500 } as const;
// Postgres text refuses NUL, and no control character belongs in an answer, save a long text's
// line breaks and tabs.
const hasControls = (text: string, lineBreaksAllowed: boolean) =>
	[...text].some((character) => {
		const code = character.charCodeAt(0);
		const isBreak = character === '\n' || character === '\t';
		return (code < 0x20 || code === 0x7f) && !(lineBreaksAllowed && isBreak);
	});

type Checked = { answer: Answer } | { error: string } | null;

function textAnswer(field: FormField, text: string): Checked {
	const max = field.kind === 'long_text' ? LIMITS.long_text : LIMITS.short_text;
	const trimmed = text.replace(/\r\n/g, '\n').trim();
	if (trimmed === '') return null;
	if (hasControls(trimmed, field.kind === 'long_text')) return { error: m.form_text_invalid() };
	if (trimmed.length > max) return { error: m.form_text_too_long({ max }) };
	return { answer: trimmed };
}

function isRealDate(text: string) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const optionValues = (field: FormField) => field.options.map((option) => option.value);

function checkedAnswer(field: FormField, value: string | string[]): Checked {
	if (field.kind === 'checkboxes') {
		const chosen = [...new Set(Array.isArray(value) ? value : [value])].filter((item) => item !== '');
		if (chosen.some((item) => !optionValues(field).includes(item)))
			return { error: m.application_answer_option_unknown() };
		return chosen.length > 0 ? { answer: chosen } : null;
	}
	if (Array.isArray(value)) return { error: m.application_answer_invalid() };
	const text = value.trim();
	if (text === '') return null;
	switch (field.kind) {
		case 'number': {
			const normalized = text.replace(',', '.').replace(/[\s\u00a0\u202f]/g, '');
			return /^-?\d{1,15}(\.\d{1,6})?$/.test(normalized)
				? { answer: normalized }
				: { error: m.application_answer_number() };
		}
		case 'amount': {
			const cents = eurosToCents(text);
			return cents === null ? { error: m.application_answer_amount() } : { answer: cents };
		}
		case 'date':
			return isRealDate(text) ? { answer: text } : { error: m.application_answer_date() };
		case 'choice':
			return optionValues(field).includes(text)
				? { answer: text }
				: { error: m.application_answer_option_unknown() };
		case 'link':
			return /^https?:\/\/[^\s]+$/i.test(text) && text.length <= LIMITS.link && !hasControls(text, false)
				? { answer: text }
				: { error: m.form_url_invalid() };
		default:
			return textAnswer(field, text);
	}
}

/**
 * The answers a draft keeps from the values typed into its form: each checked for its kind's shape
 * and length, not for being there (a draft may be half done). Files are attached apart and kept.
 */
export function answersOf(fields: readonly FormField[], values: FormValues, files: Answers): Answers {
	const answers: Answers = {};
	const issues: Issue[] = [];
	for (const field of fields) {
		if (field.kind === 'file') {
			const attached = files[field.key];
			if (attached !== undefined) answers[field.key] = attached;
			continue;
		}
		const value = values[field.key];
		if (value === undefined) continue;
		const checked = checkedAnswer(field, value);
		if (checked && 'error' in checked) issues.push({ path: `answer.${field.key}`, message: checked.error });
		else if (checked) answers[field.key] = checked.answer;
	}
	if (issues.length > 0) throw new InvalidInput(issues);
	return answers;
}

/** Whether a question has an answer (an empty list or text counts as none). */
export const isAnswered = (answer: Answer | undefined) =>
	Array.isArray(answer) ? answer.length > 0 : (answer ?? '').trim() !== '';
