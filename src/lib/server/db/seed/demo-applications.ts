import type { Answers } from '../../../institutes/form-fields';
import type { ApplicationStatus } from '../../../institutes/transitions';

export type DemoStep = {
	transition: string;
	daysAgo: number;
	by: 'applicant' | 'desk' | 'admin';
	message?: string;
};

export type DemoApplication = {
	programme: string;
	/** A demo person's email, and the slug of the group they apply for, if any. */
	by: string;
	group?: string;
	status: ApplicationStatus;
	title: string;
	answers: Answers;
	publishedFields?: string[];
	steps: DemoStep[];
	decision?: { letter: string; amountCents?: number };
};

/** One application in each state, from a draft to an accepted prize (PRODUCT.md, demo data). */
export const demoApplications: DemoApplication[] = [
	{
		programme: 'patronage',
		by: 'yann@example.org',
		status: 'draft',
		title: 'Dix ans de prises de son à Recouvrance',
		answers: { record: 'Des enregistrements de rue publiés en CC0 depuis 2016…' },
		steps: []
	},
	{
		programme: 'open-business-incubation-2027',
		by: 'ewen@example.org',
		group: 'penn-ar-bed-logiciels-libres',
		status: 'submitted',
		title: 'Un logiciel libre de réservation pour les associations',
		answers: {
			summary:
				'Nous voulons faire du moteur de réservation du portail un produit libre que d’autres villes adoptent.',
			commons_used: 'SvelteKit, PostgreSQL, OpenStreetMap ; nous reversons nos correctifs en amont.',
			business_model:
				'Hébergement et accompagnement payants pour les collectivités ; le code reste sous AGPL.'
		},
		steps: [{ transition: 'submit', daysAgo: 3, by: 'applicant' }]
	},
	{
		programme: 'legal-help',
		by: 'camille@example.org',
		status: 'in_review',
		title: 'Des statuts pour une phonothèque de quartier',
		answers: {
			summary: 'Une phonothèque partagée des sons de Recouvrance, gérée par ses habitants.',
			structure: 'association',
			questions: 'Qui détient les droits des enregistrements déposés ? Quelle licence par défaut ?'
		},
		steps: [
			{ transition: 'submit', daysAgo: 10, by: 'applicant' },
			{ transition: 'start_review', daysAgo: 6, by: 'desk' }
		]
	},
	{
		programme: 'infrastructure-of-cooperation-2027',
		by: 'camille@example.org',
		group: 'recouvrance-sonore',
		status: 'changes_requested',
		title: 'Un studio mobile pour les balades sonores',
		answers: {
			summary: 'Enregistrer les voix des habitants au pied de chez eux, avec un studio qui se déplace.',
			needs: ['equipment', 'training'],
			people: '8'
		},
		steps: [
			{ transition: 'submit', daysAgo: 12, by: 'applicant' },
			{ transition: 'start_review', daysAgo: 8, by: 'desk' },
			{
				transition: 'request_changes',
				daysAgo: 2,
				by: 'desk',
				message: 'Pouvez-vous préciser les dates des balades et le matériel déjà disponible dans le groupe ?'
			}
		]
	},
	{
		programme: 'oral-histories-recouvrance',
		by: 'yann@example.org',
		status: 'resubmitted',
		title: 'Transcription des entretiens de la rue Saint-Malo',
		answers: {
			experience: 'J’ai transcrit une trentaine d’heures d’entretiens pour les archives municipales.',
			languages: ['french', 'breton'],
			delivery: '2027-02-15'
		},
		steps: [
			{ transition: 'submit', daysAgo: 14, by: 'applicant' },
			{ transition: 'start_review', daysAgo: 11, by: 'desk' },
			{
				transition: 'request_changes',
				daysAgo: 7,
				by: 'desk',
				message: 'Merci d’indiquer une date de remise avant la fin février.'
			},
			{ transition: 'resubmit', daysAgo: 5, by: 'applicant' }
		]
	},
	{
		programme: 'commons-prize-2027',
		by: 'camille@example.org',
		group: 'recouvrance-sonore',
		status: 'accepted',
		title: 'Sons de Recouvrance',
		answers: {
			description: 'Une balade sonore de cinq étapes, enregistrée avec les habitants et publiée en CC BY-SA.',
			link: 'https://example.org/trails/sounds-of-recouvrance',
			licence: 'cc-by-sa'
		},
		publishedFields: ['description', 'link', 'licence'],
		steps: [
			{ transition: 'submit', daysAgo: 25, by: 'applicant' },
			{ transition: 'start_review', daysAgo: 20, by: 'desk' },
			{ transition: 'accept', daysAgo: 6, by: 'admin' }
		],
		decision: {
			letter:
				'Le jury salue une balade qui fait entendre le quartier par ceux qui le vivent. Le prix vous est attribué.',
			amountCents: 100_000
		}
	},
	{
		programme: 'commons-prize-2027',
		by: 'ewen@example.org',
		status: 'rejected',
		title: 'Un tutoriel vidéo sur Linux',
		answers: {
			description: 'Une vidéo d’une heure pour installer Linux, publiée sur une plateforme fermée.',
			licence: 'other'
		},
		steps: [
			{ transition: 'submit', daysAgo: 22, by: 'applicant' },
			{ transition: 'start_review', daysAgo: 18, by: 'desk' },
			{ transition: 'reject', daysAgo: 9, by: 'admin' }
		],
		decision: {
			letter:
				'Le prix récompense un travail publié sous licence libre et accessible à tous ; la vidéo ne l’est pas encore. Vous pouvez candidater de nouveau une fois qu’elle le sera.'
		}
	},
	{
		programme: 'infrastructure-of-cooperation-2027',
		by: 'camille@example.org',
		status: 'withdrawn',
		title: 'Un barnum pour la fête du quartier',
		answers: { summary: 'Prêt d’un barnum pour la fête de Recouvrance.', needs: ['equipment'] },
		steps: [
			{ transition: 'submit', daysAgo: 15, by: 'applicant' },
			{ transition: 'withdraw', daysAgo: 13, by: 'applicant' }
		]
	}
];

export const demoPledge = {
	group: 'penn-ar-bed-logiciels-libres',
	programme: 'benefit-sharing-pledges',
	shareBasisPoints: 100,
	commons: 'OpenStreetMap en Bretagne ; les logiciels libres du portail des communs',
	startsDaysAgo: 120,
	contributions: [
		{ amountCents: 120_000, daysAgo: 90, memo: 'Premier trimestre : 1 % du chiffre d’affaires' },
		{ amountCents: 80_000, daysAgo: 30, memo: 'Deuxième trimestre : 1 % du chiffre d’affaires' }
	]
};
