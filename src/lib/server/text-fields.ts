import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Postgres text refuses NUL, and no control character belongs in what people type, save line
// breaks and tabs in long texts.
const isControl = (code: number) => code < 0x20 || code === 0x7f;
const LINE_CONTROLS = (text: string) => [...text].some((character) => isControl(character.charCodeAt(0)));
const TEXT_CONTROLS = (text: string) =>
	[...text].some(
		(character) => isControl(character.charCodeAt(0)) && character !== '\n' && character !== '\t'
	);

type TextRules = { max: number; required?: () => string };

function textField(controls: (text: string) => boolean, { max, required }: TextRules) {
	const base = z
		.string()
		.default('')
		.transform((text) => text.replace(/\r\n/g, '\n').trim())
		.refine((text) => !controls(text), { error: () => m.form_text_invalid() })
		.refine((text) => text.length <= max, { error: () => m.form_text_too_long({ max }) });
	return required ? base.refine((text) => text.length > 0, { error: required }) : base;
}

/** One line of text ("a title"), trimmed; required when given the message to say so. */
export const lineText = (rules: TextRules) => textField(LINE_CONTROLS, rules);

/** Several paragraphs ("a description"), trimmed, line breaks kept. */
export const longText = (rules: TextRules) => textField(TEXT_CONTROLS, rules);

/** An http(s) address or nothing. */
export const optionalWebAddress = z
	.string()
	.trim()
	.max(500, { error: () => m.form_url_invalid() })
	.transform((text) => text || null)
	.refine((text) => text === null || (/^https?:\/\/[^\s]+$/i.test(text) && !LINE_CONTROLS(text)), {
		error: () => m.form_url_invalid()
	})
	.nullable()
	.default(null);
