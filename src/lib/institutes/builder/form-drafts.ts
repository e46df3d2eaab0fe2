import { slugFrom } from '../../server/db/slugs';
import { fieldKinds, type FieldKind, type FormField } from '../form-fields';

/** A question as the form builder posts it: plain strings, checked or not yet. */
export type QuestionDraft = {
	key: string;
	kind: FieldKind;
	labelFr: string;
	labelEn: string;
	helpFr: string;
	helpEn: string;
	required: boolean;
	publishable: boolean;
	/** One option a line: "French label | English label". */
	options: string;
};

const MAX_QUESTIONS = 61;
const hasOptions = (kind: FieldKind) => kind === 'choice' || kind === 'checkboxes';

/** A new empty question, with a key no other question of the form uses. */
export function blankQuestion(others: readonly QuestionDraft[]): QuestionDraft {
	const taken = new Set(others.map((draft) => draft.key));
	let position = others.length + 1;
	while (taken.has(`question_${position}`)) position += 1;
	return {
		key: `question_${position}`,
		kind: 'short_text',
		labelFr: '',
		labelEn: '',
		helpFr: '',
		helpEn: '',
		required: false,
		publishable: false,
		options: ''
	};
}

export function draftOf(field: FormField): QuestionDraft {
	return {
		key: field.key,
		kind: field.kind,
		labelFr: field.label.fr,
		labelEn: field.label.en,
		helpFr: field.help.fr,
		helpEn: field.help.en,
		required: field.required,
		publishable: field.publishable,
		options: field.options.map((option) => `${option.label.fr} | ${option.label.en}`.trim()).join('\n')
	};
}

/** The questions posted as `q.<index>.<name>`, in index order. */
export function draftsFromForm(data: FormData): QuestionDraft[] {
	const text = (index: number, name: string) => {
		const value = data.get(`q.${index}.${name}`);
		return typeof value === 'string' ? value : '';
	};
	const indexes = [...data.keys()]
		.map((name) => /^q\.(\d{1,3})\.key$/.exec(name)?.[1])
		.filter((index): index is string => index !== undefined)
		.map(Number)
		.sort((a, b) => a - b)
		.slice(0, MAX_QUESTIONS);
	return indexes.map((index) => {
		const kind = text(index, 'kind');
		return {
			key: text(index, 'key').trim(),
			kind: (fieldKinds as readonly string[]).includes(kind) ? (kind as FieldKind) : 'short_text',
			labelFr: text(index, 'labelFr'),
			labelEn: text(index, 'labelEn'),
			helpFr: text(index, 'helpFr'),
			helpEn: text(index, 'helpEn'),
			required: data.has(`q.${index}.required`),
			publishable: data.has(`q.${index}.publishable`),
			options: text(index, 'options')
		};
	});
}

/** What the form-fields schema reads from a draft; an option's value comes from its French label. */
export function fieldInputOf(draft: QuestionDraft) {
	const options = hasOptions(draft.kind)
		? draft.options
				.split('\n')
				.map((line) => line.split('|').map((part) => part.trim()))
				.filter(([fr]) => fr)
				.map(([fr = '', en = '']) => ({ value: slugFrom(fr, 'option'), label: { fr, en } }))
		: [];
	return {
		key: draft.key,
		kind: draft.kind,
		label: { fr: draft.labelFr, en: draft.labelEn },
		help: { fr: draft.helpFr, en: draft.helpEn },
		required: draft.required,
		publishable: draft.publishable,
		options
	};
}
