import type { FieldKind, FormField } from '../../../institutes/form-fields';
import type { LocalizedText } from '../../../i18n/localized-text';

type Words = [fr: string, en: string];
type Extras = { help?: Words; required?: boolean; publishable?: boolean; options?: [string, ...Words][] };

function question(key: string, kind: FieldKind, [fr, en]: Words, extras: Extras = {}): FormField {
	return {
		key,
		kind,
		label: { fr, en },
		help: extras.help ? { fr: extras.help[0], en: extras.help[1] } : { fr: '', en: '' },
		required: extras.required ?? false,
		publishable: extras.publishable ?? false,
		options: (extras.options ?? []).map(([value, optionFr, optionEn]) => ({
			value,
			label: { fr: optionFr, en: optionEn }
		}))
	};
}

const summary = question('summary', 'long_text', ['Résumé du projet', 'Project summary'], {
	help: ['En quelques phrases : quoi, pour qui, où.', 'In a few sentences: what, for whom, where.'],
	required: true,
	publishable: true
});
const amount = question('amount', 'amount', ['Montant demandé', 'Amount requested'], { required: true });
const licence = question('licence', 'choice', ['Licence du travail', 'Licence of the work'], {
	required: true,
	publishable: true,
	options: [
		['cc-by-sa', 'CC BY-SA 4.0', 'CC BY-SA 4.0'],
		['cc-by', 'CC BY 4.0', 'CC BY 4.0'],
		['cc0', 'CC0 (domaine public)', 'CC0 (public domain)'],
		['free-software', 'Licence de logiciel libre (GPL, MIT…)', 'Free software licence (GPL, MIT…)'],
		['other', 'Autre licence libre', 'Another free licence']
	]
});
const link = (fr: string, en: string) => question('link', 'link', [fr, en], { publishable: true });

/** The questions of each demo programme (the title of an application is asked apart). */
export const demoForms: Record<string, FormField[]> = {
	'infrastructure-of-cooperation-2027': [
		summary,
		question('needs', 'checkboxes', ['Ce dont vous avez besoin', 'What you need'], {
			required: true,
			publishable: true,
			options: [
				['equipment', 'Du matériel', 'Equipment'],
				['space', 'Un lieu', 'A space'],
				['training', 'Une formation', 'Training']
			]
		}),
		question('start', 'date', ['Date de début souhaitée', 'Preferred start date']),
		question('people', 'number', ['Nombre de personnes impliquées', 'Number of people involved'])
	],
	'legal-help': [
		summary,
		question('structure', 'choice', ['Forme envisagée', 'Intended form'], {
			required: true,
			options: [
				['association', 'Association loi 1901', 'Association (loi 1901)'],
				['cooperative', 'Coopérative (SCIC, SCOP)', 'Cooperative (SCIC, SCOP)'],
				['informal', 'Collectif informel', 'Informal collective'],
				['unsure', 'Je ne sais pas encore', 'Not sure yet']
			]
		}),
		question('questions', 'long_text', ['Vos questions juridiques', 'Your legal questions'], {
			required: true
		})
	],
	'open-business-incubation-2027': [
		summary,
		question(
			'commons_used',
			'long_text',
			['Les communs sur lesquels vous bâtissez', 'The commons you build on'],
			{
				help: [
					'Logiciels, données, contenus libres : nommez-les et dites ce que vous leur rendez.',
					'Software, data, open content: name them and say what you give back.'
				],
				required: true,
				publishable: true
			}
		),
		question('business_model', 'long_text', ['Modèle économique', 'Business model'], { required: true }),
		question('team', 'short_text', ['Équipe (noms et rôles)', 'Team (names and roles)']),
		question('business_plan', 'file', ['Plan d’affaires (PDF)', 'Business plan (PDF)'])
	],
	'commons-prize-2027': [
		question(
			'description',
			'long_text',
			['Le travail en commun à récompenser', 'The commons work to recognise'],
			{
				help: [
					'Ce qui a été fait, par qui, et à qui cela sert aujourd’hui.',
					'What was done, by whom, and whom it serves today.'
				],
				required: true,
				publishable: true
			}
		),
		link('Lien vers le travail', 'Link to the work'),
		licence,
		question('portfolio', 'file', ['Portfolio ou dossier (facultatif)', 'Portfolio or file (optional)'])
	],
	'oral-histories-recouvrance': [
		question(
			'experience',
			'long_text',
			['Votre expérience de la transcription', 'Your transcription experience'],
			{
				required: true
			}
		),
		question('languages', 'checkboxes', ['Langues que vous transcrivez', 'Languages you transcribe'], {
			required: true,
			options: [
				['french', 'Français', 'French'],
				['breton', 'Breton', 'Breton']
			]
		}),
		question('delivery', 'date', ['Date de remise prévue', 'Planned delivery date'], { required: true })
	],
	patronage: [
		question(
			'record',
			'long_text',
			['Ce que vous avez apporté aux communs', 'What you have given the commons'],
			{
				help: [
					'Joignez votre parcours sur le portail : balades, médias, prêts utilisés.',
					'Attach your record on the portal: trails, media, loans used.'
				],
				required: true,
				publishable: true
			}
		),
		link('Lien vers vos travaux', 'Link to your work'),
		question('next', 'long_text', ['Ce que le mécénat vous permettrait', 'What patronage would let you do'], {
			required: true
		}),
		amount
	],
	'benefit-sharing-pledges': [
		question('commons', 'long_text', ['Les communs soutenus', 'The commons you support'], {
			required: true,
			publishable: true
		}),
		question('pledge_kind', 'choice', ['Forme de l’engagement', 'Kind of pledge'], {
			required: true,
			publishable: true,
			options: [
				['revenue-share', 'Une part du chiffre d’affaires', 'A share of revenue'],
				['yearly-amount', 'Un montant annuel', 'A yearly amount']
			]
		}),
		question('share', 'number', ['Part du chiffre d’affaires (%)', 'Share of revenue (%)']),
		question('yearly', 'amount', ['Montant annuel', 'Yearly amount'])
	]
};

type Criterion = { label: LocalizedText; weight: number };
const criterion = (fr: string, en: string, weight: number): Criterion => ({ label: { fr, en }, weight });

/** What reviewers score for each demo programme. */
export const demoRubrics: Record<string, Criterion[]> = {
	'infrastructure-of-cooperation-2027': [
		criterion('Utilité pour le quartier', 'Use to the neighbourhood', 3),
		criterion('Ce qui sera partagé en commun', 'What will be shared as commons', 2),
		criterion('Faisabilité', 'Feasibility', 1)
	],
	'legal-help': [
		criterion('Besoin réel d’accompagnement', 'Real need for support', 2),
		criterion('Le commun à protéger', 'The commons to protect', 2)
	],
	'open-business-incubation-2027': [
		criterion('Coopération avec les communs', 'Cooperation with the commons', 3),
		criterion('Viabilité économique', 'Economic viability', 2),
		criterion('Équipe', 'Team', 1)
	],
	'commons-prize-2027': [
		criterion('Portée pour les communs', 'Reach for the commons', 3),
		criterion('Ouverture et licence', 'Openness and licence', 2),
		criterion('Qualité du travail', 'Quality of the work', 2)
	],
	'oral-histories-recouvrance': [
		criterion('Expérience de la transcription', 'Transcription experience', 2),
		criterion('Connaissance du quartier et des langues', 'Knowledge of the area and languages', 1)
	],
	patronage: [
		criterion('Contribution passée aux communs', 'Past contribution to the commons', 3),
		criterion('Ce que le mécénat rendra possible', 'What patronage will make possible', 2)
	],
	'benefit-sharing-pledges': [
		criterion('Clarté de l’engagement', 'Clarity of the pledge', 2),
		criterion('Lien avec les communs utilisés', 'Link with the commons used', 1)
	]
};
