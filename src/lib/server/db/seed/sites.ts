import type { LocalizedText } from '../../../i18n/localized-text';

type Hours = { weekday: number; opensAt: string; closesAt: string };

export type DemoSite = {
	slug: string;
	name: string;
	address: string;
	latitude: number;
	longitude: number;
	accessNotes: LocalizedText;
	hours: Hours[];
};

const tuesdayToSaturday = (opensAt: string, closesAt: string): Hours[] =>
	[2, 3, 4, 5, 6].map((weekday) => ({ weekday, opensAt, closesAt }));

export const demoSites: DemoSite[] = [
	{
		slug: 'capucins',
		name: 'Ateliers des Capucins – Pôle numérique',
		address: '25 rue de Pontaniou, 29200 Brest',
		latitude: 48.3865,
		longitude: -4.4985,
		accessNotes: {
			fr: 'Accès de plain-pied par la place des Machines ; téléphérique depuis le centre-ville.',
			en: 'Step-free entrance from Place des Machines; cable car from the city centre.'
		},
		hours: tuesdayToSaturday('10:00', '18:00')
	},
	{
		slug: 'bellevue',
		name: 'Maison de quartier de Bellevue',
		address: '1 rue Pierre Trépos, 29200 Brest',
		latitude: 48.403,
		longitude: -4.508,
		accessNotes: {
			fr: 'Tram A, arrêt Bellevue. Ascenseur à l’accueil.',
			en: 'Tram A, Bellevue stop. Lift at the reception.'
		},
		hours: [2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '14:00', closesAt: '19:00' }))
	},
	{
		slug: 'saint-martin',
		name: 'Médiathèque de Saint-Martin',
		address: '42 rue Danton, 29200 Brest',
		latitude: 48.395,
		longitude: -4.485,
		accessNotes: {
			fr: 'Entrée de plain-pied ; boucle magnétique à l’accueil.',
			en: 'Step-free entrance; hearing loop at the desk.'
		},
		hours: tuesdayToSaturday('10:00', '18:00')
	}
];

/** Public holidays in France on which every desk is closed. */
export const demoClosures: { startsOn: string; endsOn: string; reason: LocalizedText }[] = [
	{ startsOn: '2026-12-25', endsOn: '2026-12-26', reason: { fr: 'Noël', en: 'Christmas' } },
	{ startsOn: '2027-01-01', endsOn: '2027-01-01', reason: { fr: 'Jour de l’an', en: 'New Year’s Day' } },
	{ startsOn: '2027-03-29', endsOn: '2027-03-29', reason: { fr: 'Lundi de Pâques', en: 'Easter Monday' } },
	{ startsOn: '2027-05-01', endsOn: '2027-05-01', reason: { fr: 'Fête du Travail', en: 'Labour Day' } },
	{
		startsOn: '2027-05-06',
		endsOn: '2027-05-08',
		reason: { fr: 'Ascension et 8 mai', en: 'Ascension and VE Day' }
	},
	{ startsOn: '2027-07-14', endsOn: '2027-07-14', reason: { fr: 'Fête nationale', en: 'Bastille Day' } }
];
