import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../institutes/form-fields';
import { publishedAnswers } from './awards';

const field = (key: string, kind: FormField['kind'], extra: Partial<FormField> = {}): FormField => ({
	key,
	kind,
	label: { fr: key, en: key },
	help: { fr: '', en: '' },
	required: false,
	publishable: true,
	options: [],
	...extra
});

const options = [
	{ value: 'son', label: { fr: 'Son', en: 'Sound' } },
	{ value: 'image', label: { fr: 'Image', en: 'Image' } }
];

describe('publishedAnswers', () => {
	const fields = [
		field('summary', 'long_text'),
		field('budget', 'amount'),
		field('media', 'checkboxes', { options }),
		field('proof', 'file'),
		field('empty', 'short_text'),
		field('private', 'short_text', { publishable: false })
	];
	const answers = {
		summary: 'Un studio',
		budget: '120000',
		media: ['image'],
		proof: ['file-id'],
		empty: '',
		private: 'Mon adresse'
	};

	it('keeps only the answers the applicant chose to publish, in the order of the form', () => {
		expect(publishedAnswers(fields, answers, ['budget', 'summary']).map((answer) => answer.key)).toEqual([
			'summary',
			'budget'
		]);
		expect(publishedAnswers(fields, answers, [])).toEqual([]);
	});

	it('never publishes files, empty answers, unpublishable questions or keys the form lacks', () => {
		expect(
			publishedAnswers(fields, { ...answers, ghost: 'x' }, ['proof', 'empty', 'private', 'ghost'])
		).toEqual([]);
	});

	it('labels chosen options in both languages', () => {
		expect(publishedAnswers(fields, answers, ['media'])).toEqual([
			{
				key: 'media',
				kind: 'checkboxes',
				label: { fr: 'media', en: 'media' },
				value: ['image'],
				options: [{ fr: 'Image', en: 'Image' }]
			}
		]);
	});
});
