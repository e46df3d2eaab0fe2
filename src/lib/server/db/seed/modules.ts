import type { LocalizedText } from '../../../i18n/localized-text';

export type DemoModule = {
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	body: LocalizedText;
	durationMinutes: number;
};

export const demoModules: DemoModule[] = [
	{
		slug: 'camera-basics',
		durationMinutes: 20,
		title: { fr: 'Les bases de la caméra', en: 'Camera basics' },
		summary: {
			fr: 'Exposition, mise au point, son et soin du matériel avant d’emprunter une caméra cinéma.',
			en: 'Exposure, focus, sound and caring for the gear before you borrow a cinema camera.'
		},
		body: {
			fr: `## Avant de tourner
Vérifiez les batteries et les cartes, puis réglez la cadence (25 images/s en France) et la résolution.

## L’exposition
Réglez d’abord l’obturateur au double de la cadence (1/50 s), puis l’ouverture, puis les ISO. Utilisez les zébras pour éviter les hautes lumières brûlées.

## La mise au point
Passez en mise au point manuelle pour les plans fixes ; servez-vous de la loupe et du « focus peaking ».

## Le son
Branchez un micro externe sur la poignée XLR et contrôlez les niveaux au casque : les crêtes autour de −12 dB.

## Le retour
Rangez chaque élément à sa place dans la valise, signalez tout choc ou défaut au guichet : c’est ce qui permet de continuer à prêter.`,
			en: `## Before you shoot
Check batteries and cards, then set the frame rate (25 fps in France) and the resolution.

## Exposure
Set the shutter to twice the frame rate first (1/50 s), then the aperture, then ISO. Use zebras to avoid blown highlights.

## Focus
Switch to manual focus for static shots; use magnification and focus peaking.

## Sound
Plug an external microphone into the XLR handle and monitor levels on headphones: peaks around −12 dB.

## Bringing it back
Put each item back in its place in the case and report any knock or fault at the desk: that is what keeps lending possible.`
		}
	},
	{
		slug: 'recording-outdoors',
		durationMinutes: 15,
		title: { fr: 'Enregistrer le son en extérieur', en: 'Recording sound outdoors' },
		summary: {
			fr: 'Vent, niveaux, placement du micro : réussir ses prises de son dehors.',
			en: 'Wind, levels, microphone placement: getting good sound outside.'
		},
		body: {
			fr: `## Le vent
Mettez toujours la bonnette ; par grand vent, abritez le micro derrière votre corps ou un mur.

## Les niveaux
Faites un essai de dix secondes et réécoutez-le. Visez des crêtes autour de −12 dB, jamais dans le rouge.

## Le placement
Pour une voix, 20 à 30 cm de la bouche. Pour une ambiance, restez immobile et silencieux une minute entière.

## Les personnes
Demandez l’accord des personnes enregistrées et notez leur nom pour les crédits.`,
			en: `## Wind
Always use the windshield; in strong wind, shelter the microphone behind your body or a wall.

## Levels
Record a ten-second test and play it back. Aim for peaks around −12 dB, never in the red.

## Placement
For a voice, 20 to 30 cm from the mouth. For an ambience, stay still and silent for a whole minute.

## People
Ask the people you record for their consent and note their names for the credits.`
		}
	},
	{
		slug: 'choosing-a-licence',
		durationMinutes: 10,
		title: { fr: 'Choisir une licence Creative Commons', en: 'Choosing a Creative Commons licence' },
		summary: {
			fr: 'CC BY, CC BY-SA, CC0, CC BY-NC-SA : ce que chacune permet, et comment choisir.',
			en: 'CC BY, CC BY-SA, CC0, CC BY-NC-SA: what each allows, and how to choose.'
		},
		body: {
			fr: `## Pourquoi une licence
Sans licence, personne ne peut légalement réutiliser votre œuvre. Une licence Creative Commons dit d’avance ce qui est permis.

## Les quatre licences du portail
- **CC BY 4.0** (par défaut) : toute réutilisation, à condition de vous citer.
- **CC BY-SA 4.0** : pareil, et les œuvres dérivées restent sous la même licence.
- **CC0** : vous renoncez à vos droits ; l’œuvre rejoint le domaine public.
- **CC BY-NC-SA 4.0** : pas d’usage commercial, partage à l’identique.

## Comment choisir
Pour qu’une œuvre circule le plus possible, CC BY ou CC0. Pour qu’elle reste un commun, CC BY-SA.`,
			en: `## Why a licence
Without a licence, nobody may legally reuse your work. A Creative Commons licence says in advance what is allowed.

## The portal's four licences
- **CC BY 4.0** (default): any reuse, provided you are credited.
- **CC BY-SA 4.0**: the same, and derived works stay under the same licence.
- **CC0**: you waive your rights; the work joins the public domain.
- **CC BY-NC-SA 4.0**: no commercial use, share alike.

## How to choose
For a work to travel as far as possible, CC BY or CC0. For it to stay a commons, CC BY-SA.`
		}
	},
	{
		slug: 'founding-an-association',
		durationMinutes: 25,
		title: { fr: 'Fonder une association (loi 1901)', en: 'Founding an association (loi 1901)' },
		summary: {
			fr: 'Statuts, assemblée constitutive, déclaration en préfecture : les étapes pour porter un commun.',
			en: 'Statutes, founding meeting, declaration to the prefecture: the steps to carry a commons.'
		},
		body: {
			fr: `## Deux personnes suffisent
Une association loi 1901 réunit au moins deux personnes autour d’un projet non lucratif.

## Les statuts
Ils fixent le nom, l’objet, le siège, les membres et la gouvernance. Prévoyez comment les biens communs (enregistrements, logiciels) seront gérés si l’association s’arrête.

## L’assemblée constitutive
Elle adopte les statuts et désigne les premières personnes responsables ; rédigez-en le procès-verbal.

## La déclaration
Déclarez l’association en ligne sur service-public.fr ; la publication au Journal officiel lui donne sa personnalité juridique.`,
			en: `## Two people are enough
A loi 1901 association brings together at least two people around a non-profit project.

## The statutes
They set the name, purpose, seat, members and governance. Plan how shared works (recordings, software) will be managed if the association ends.

## The founding meeting
It adopts the statutes and appoints the first officers; write up its minutes.

## The declaration
Declare the association online on service-public.fr; publication in the Journal officiel gives it legal personality.`
		}
	}
];
