import type { LocalizedText } from '../../../i18n/localized-text';
import type { Database } from '../client';
import { applicationForm, institute, programme, rubricCriterion, type ProgrammeKind } from '../schema';
import { demoForms, demoRubrics } from './programme-forms';

const text = (fr: string, en: string): LocalizedText => ({ fr, en });

export const demoInstitutes = [
	{
		slug: 'commons',
		name: text(
			'Institut pour la protection et le développement des communs',
			'Institute for the Protection and Development of the Commons'
		),
		mission: text(
			'Il fait connaître les moyens juridiques de créer et de protéger des communs (licences, statuts d’association : modules de formation et guides), ouvre l’infrastructure de coopération — matériel, lieux, formations — à celles et ceux qui n’y ont pas accès, et entretient les liens avec les associations qui portent les communs.',
			'It spreads knowledge of the legal means to create and protect commons (licences, association statutes: training modules and guides), opens the infrastructure of cooperation — equipment, spaces, training — to those who lack it, and keeps relations with the for-benefit associations behind the commons.'
		)
	},
	{
		slug: 'open-business',
		name: text('Institut pour l’entreprise ouverte', 'Institute for Open Business'),
		mission: text(
			'Il accompagne l’activité marchande qui coopère avec les communs sans les épuiser : entreprises du logiciel libre, éditeurs de manuels ouverts, jeunes entrepreneurs. Les entreprises déclarent les communs sur lesquels elles bâtissent.',
			'It supports market activity that cooperates with the commons without depleting them: open-source businesses, open textbook publishers, young entrepreneurs. Businesses declare which commons they build on.'
		)
	},
	{
		slug: 'benefit-sharing',
		name: text(
			'Institut pour le partage des bénéfices et la reconnaissance des communs',
			'Institute for Benefit-Sharing and Commons Recognition'
		),
		mission: text(
			'Il décerne des prix, des récompenses et des primes au travail en commun ; il recueille les engagements de partage des entreprises qui profitent des communs, et tient le registre de ce qu’elles ont réellement versé ; il soutient par le mécénat les personnes au parcours reconnu, et porte des propositions de politique publique.',
			'It gives prizes, awards and bounties for commons work; it collects benefit-sharing pledges from companies that profit from the commons, and keeps the record of what they actually contributed; it offers patronage to people with a proven record, and carries policy proposals.'
		)
	}
];

type DemoProgramme = {
	slug: string;
	institute: string;
	kind: ProgrammeKind;
	title: LocalizedText;
	summary: LocalizedText;
	eligibility: LocalizedText;
	budgetCents?: number;
	maxAmountCents?: number;
	decisionDays: number;
	/** Pledges and patronage stay open; calls close some weeks ahead. */
	closes: boolean;
};

const euros = (amount: number) => amount * 100;

export const demoProgrammes: DemoProgramme[] = [
	{
		slug: 'infrastructure-of-cooperation-2027',
		institute: 'commons',
		kind: 'support',
		title: text('Infrastructure de coopération 2027', 'Infrastructure of cooperation 2027'),
		summary: text(
			'Un accès prioritaire au matériel, aux lieux et aux formations de la ville pour un projet en commun.',
			'Priority access to the city’s equipment, spaces and training for a commons project.'
		),
		eligibility: text(
			'Habitantes, habitants et groupes de Brest métropole dont le projet sera partagé sous licence libre.',
			'Residents and groups of Brest métropole whose project will be shared under a free licence.'
		),
		budgetCents: euros(20_000),
		maxAmountCents: euros(2_500),
		decisionDays: 30,
		closes: true
	},
	{
		slug: 'legal-help',
		institute: 'commons',
		kind: 'support',
		title: text('Aide juridique pour un nouveau commun', 'Legal help for a new commons'),
		summary: text(
			'Des heures d’accompagnement juridique pour choisir une licence, rédiger des statuts ou une charte.',
			'Hours of legal support to choose a licence, write statutes or a charter.'
		),
		eligibility: text(
			'Tout collectif qui crée ou protège un commun à Brest, constitué ou non.',
			'Any collective creating or protecting a commons in Brest, incorporated or not.'
		),
		decisionDays: 21,
		closes: true
	},
	{
		slug: 'open-business-incubation-2027',
		institute: 'open-business',
		kind: 'incubation',
		title: text('Incubation entreprise ouverte 2027', 'Open business incubation 2027'),
		summary: text(
			'Six mois d’accompagnement, un bureau aux Capucins et une aide au démarrage pour une entreprise qui coopère avec les communs.',
			'Six months of support, a desk at the Capucins and a start-up grant for a business that cooperates with the commons.'
		),
		eligibility: text(
			'Entreprises de moins de trois ans ou en création, qui publient une part de leur travail sous licence libre.',
			'Businesses under three years old or being founded, publishing part of their work under a free licence.'
		),
		budgetCents: euros(40_000),
		maxAmountCents: euros(8_000),
		decisionDays: 60,
		closes: true
	},
	{
		slug: 'commons-prize-2027',
		institute: 'benefit-sharing',
		kind: 'prize',
		title: text('Prix des communs 2027', 'Commons Prize 2027'),
		summary: text(
			'Cinq prix de 1 000 € pour un travail en commun déjà accompli à Brest : balade sonore, logiciel, cartographie, archive…',
			'Five prizes of €1,000 for commons work already done in Brest: a sound walk, software, a map, an archive…'
		),
		eligibility: text(
			'Une personne ou un groupe dont le travail est publié sous licence libre et sert d’autres personnes.',
			'A person or group whose work is published under a free licence and serves others.'
		),
		budgetCents: euros(5_000),
		maxAmountCents: euros(1_000),
		decisionDays: 45,
		closes: true
	},
	{
		slug: 'oral-histories-recouvrance',
		institute: 'benefit-sharing',
		kind: 'bounty',
		title: text('Transcrire les récits de Recouvrance', 'Transcribe the oral histories of Recouvrance'),
		summary: text(
			'Une prime de 500 € pour transcrire les entretiens enregistrés avec les anciens du quartier, publiés en CC BY-SA.',
			'A €500 bounty to transcribe the interviews recorded with the elders of the neighbourhood, published under CC BY-SA.'
		),
		eligibility: text(
			'Toute personne à l’aise avec le français parlé, et si possible le breton.',
			'Anyone at ease with spoken French, and if possible Breton.'
		),
		budgetCents: euros(500),
		maxAmountCents: euros(500),
		decisionDays: 30,
		closes: true
	},
	{
		slug: 'patronage',
		institute: 'benefit-sharing',
		kind: 'patronage',
		title: text('Mécénat pour les commoners', 'Patronage for commoners'),
		summary: text(
			'Un soutien a posteriori pour les personnes dont le travail en commun a déjà fait ses preuves.',
			'Support after the fact for people whose commons work has already proved itself.'
		),
		eligibility: text(
			'Un parcours vérifiable sur le portail ou ailleurs : publications, balades, contributions.',
			'A record that can be checked, on the portal or elsewhere: publications, trails, contributions.'
		),
		budgetCents: euros(15_000),
		maxAmountCents: euros(3_000),
		decisionDays: 60,
		closes: false
	},
	{
		slug: 'benefit-sharing-pledges',
		institute: 'benefit-sharing',
		kind: 'pledge',
		title: text('Engagements de partage des bénéfices', 'Benefit-sharing pledges'),
		summary: text(
			'Les entreprises qui profitent des communs s’engagent à leur reverser une part de leur chiffre d’affaires ou un montant annuel.',
			'Businesses that profit from the commons pledge a share of their revenue or a yearly amount to them.'
		),
		eligibility: text(
			'Toute entreprise qui utilise des communs (logiciels, données, contenus) dans son activité.',
			'Any business using commons (software, data, content) in its activity.'
		),
		decisionDays: 30,
		closes: false
	}
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The three institutes and their programmes, all open on the day of seeding (opened 30 days
 * before, closing 90 days after), each with its first form and its rubric.
 */
export async function seedInstitutes(db: Database, now = new Date()) {
	await db
		.insert(institute)
		.values(demoInstitutes.map((demo, position) => ({ ...demo, position })))
		.onConflictDoNothing({ target: institute.slug });
	const institutes = new Map(
		(await db.select({ id: institute.id, slug: institute.slug }).from(institute)).map((row) => [
			row.slug,
			row.id
		])
	);
	// Calls open at 9:00 and close at noon, Brest time in winter, as real calls do.
	const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	const opensAt = new Date(day - 30 * DAY + 8 * HOUR);
	const closesAt = new Date(day + 90 * DAY + 11 * HOUR);
	for (const { institute: owner, closes, ...demo } of demoProgrammes) {
		const instituteId = institutes.get(owner);
		if (!instituteId) throw new Error(`seed: unknown institute ${owner}`);
		const [created] = await db
			.insert(programme)
			.values({ ...demo, instituteId, opensAt, closesAt: closes ? closesAt : null, publishedAt: opensAt })
			.onConflictDoNothing({ target: programme.slug })
			.returning({ id: programme.id });
		if (!created) continue;
		await db
			.insert(applicationForm)
			.values({ programmeId: created.id, version: 1, fields: demoForms[demo.slug] ?? [] });
		await db.insert(rubricCriterion).values(
			(demoRubrics[demo.slug] ?? []).map((criterion, position) => ({
				programmeId: created.id,
				position,
				...criterion
			}))
		);
	}
}
