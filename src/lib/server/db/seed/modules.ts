import type { LocalizedText } from '../../../i18n/localized-text';
import type { QuizQuestion } from '../../learning/modules.table';

export type DemoModule = {
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	body: LocalizedText;
	durationMinutes: number;
	quiz: QuizQuestion[];
};

/** A player for a clip kept in static/learn/ (Opus for most browsers, MP3 for the rest). */
const audioClip = (name: string, caption: string) => `<figure>
<audio controls preload="none">
<source src="/learn/${name}.ogg" type="audio/ogg; codecs=opus">
<source src="/learn/${name}.mp3" type="audio/mpeg">
</audio>
<figcaption>${caption}</figcaption>
</figure>`;

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
			fr: `La caméra cinéma du portail sert à des films de quartier, des portraits, des captations de concerts. Ce module est demandé avant de l’emprunter : il tient en cinq gestes.

![Une caméra cinéma vue de profil : le boîtier et sa batterie à l’arrière, l’objectif à l’avant, et sur la poignée du dessus un micro externe relié par un câble XLR.](/learn/camera-basics.svg)

## Avant de tourner
Vérifiez que les batteries sont chargées et que les cartes mémoire sont vides (copiez d’abord vos anciennes images). Réglez ensuite la cadence : 25 images par seconde en France, où le courant alterne à 50 Hz ; une autre cadence fait scintiller les éclairages. Choisissez enfin la résolution et la balance des blancs : 5 600 K à la lumière du jour, 3 200 K sous des lampes à incandescence.

## L’exposition
Réglez d’abord l’obturateur au double de la cadence, soit 1/50 s à 25 images/s : le mouvement paraît naturel. Réglez ensuite l’ouverture (un petit nombre, comme f/2,8, laisse entrer plus de lumière et floute l’arrière-plan), puis, seulement s’il manque encore de la lumière, montez les ISO, qui ajoutent du bruit. Activez les zébras : ils rayent à l’écran les zones trop claires, qu’on ne pourra pas récupérer au montage.

## La mise au point
L’autofocus hésite souvent quand quelqu’un passe devant le sujet. Pour un plan fixe, passez en mise au point manuelle : grossissez l’image avec la loupe, faites le point sur les yeux, puis revenez au cadre entier. Le « focus peaking » colore les contours nets.

## Le son
Le micro intégré enregistre surtout le bruit de la caméra. Branchez le micro externe sur l’entrée XLR de la poignée, écoutez au casque pendant toute la prise et réglez le niveau pour que les crêtes restent autour de −12 dB : assez fort pour couvrir le souffle, assez bas pour qu’un éclat de voix ne sature pas.

## Le retour
Rangez chaque élément à sa place dans la valise, batteries à plat comprises : le guichet les recharge. Signalez tout choc, rayure ou défaut, même petit : l’exemplaire est vérifié avant le prêt suivant, et c’est ce qui permet de continuer à prêter.`,
			en: `The portal's cinema camera is used for neighbourhood films, portraits and concert recordings. This module is required before you borrow it: it comes down to five habits.

![A cinema camera seen from the side: the body with its battery at the back, the lens at the front, and on the top handle an external microphone connected by an XLR cable.](/learn/camera-basics.svg)

## Before you shoot
Check that the batteries are charged and the memory cards are empty (copy your old footage off first). Then set the frame rate: 25 frames per second in France, where mains power alternates at 50 Hz; another frame rate makes lights flicker. Finally choose the resolution and the white balance: 5,600 K in daylight, 3,200 K under incandescent lamps.

## Exposure
Set the shutter first, to twice the frame rate: 1/50 s at 25 fps, so movement looks natural. Then set the aperture (a small number such as f/2.8 lets in more light and blurs the background), and only if there is still not enough light, raise the ISO, which adds noise. Turn the zebras on: they stripe the areas that are too bright on the screen, which cannot be recovered in the edit.

## Focus
Autofocus often hesitates when someone walks in front of the subject. For a static shot, switch to manual focus: magnify the image, focus on the eyes, then go back to the whole frame. Focus peaking colours the sharp edges.

## Sound
The built-in microphone mostly records the camera itself. Plug the external microphone into the XLR input on the handle, listen on headphones for the whole take and set the level so that peaks stay around −12 dB: loud enough to rise above the hiss, low enough that a raised voice does not clip.

## Bringing it back
Put each item back in its place in the case, flat batteries included: the desk recharges them. Report any knock, scratch or fault, however small: the unit is checked before the next loan, and that is what keeps lending possible.`
		},
		quiz: [
			{
				prompt: {
					fr: 'Vous filmez à 25 images par seconde. À quelle vitesse réglez-vous l’obturateur ?',
					en: 'You are filming at 25 frames per second. What shutter speed do you set?'
				},
				choices: [{ fr: '1/25 s' }, { fr: '1/50 s' }, { fr: '1/500 s' }],
				answer: 1
			},
			{
				prompt: {
					fr: 'Autour de quel niveau les crêtes du son doivent-elles rester ?',
					en: 'Around what level should the sound peaks stay?'
				},
				choices: [
					{ fr: '−40 dB, pour ne jamais saturer', en: '−40 dB, so it never clips' },
					{ fr: '−12 dB', en: '−12 dB' },
					{ fr: '0 dB, le plus fort possible', en: '0 dB, as loud as possible' }
				],
				answer: 1
			},
			{
				prompt: {
					fr: 'En rangeant la caméra, vous remarquez une rayure sur l’objectif. Que faites-vous ?',
					en: 'While packing the camera, you notice a scratch on the lens. What do you do?'
				},
				choices: [
					{ fr: 'Rien, puisque la caméra fonctionne', en: 'Nothing, since the camera works' },
					{ fr: 'Je l’essuie avec mon tee-shirt', en: 'I wipe it with my T-shirt' },
					{
						fr: 'Je la signale au guichet en rendant la caméra',
						en: 'I report it at the desk when I return the camera'
					}
				],
				answer: 2
			}
		]
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
			fr: `Les balades sonores des sentiers des communs s’enregistrent dehors, là où le vent, la circulation et les passants ne préviennent pas. Quelques habitudes suffisent pour rapporter un son utilisable.

![Un enregistreur tenu à la main, son micro couvert d’une bonnette à poils longs, face au vent ; à côté, une personne parle à 20 ou 30 centimètres du micro.](/learn/recording-outdoors.svg)

## Le vent
Le moindre souffle sur la capsule produit un grondement qu’aucun logiciel n’efface vraiment. Mettez toujours la bonnette en mousse ; dehors, ajoutez la bonnette à poils longs (la « moumoute »). Par grand vent, abritez en plus le micro derrière votre corps, un mur ou un arbre.

## Les niveaux
Enregistrez un essai de dix secondes et réécoutez-le au casque avant la vraie prise. Réglez le gain pour que les crêtes tournent autour de −12 dB et n’atteignent jamais 0 dB : un son saturé est perdu, alors qu’un son un peu faible se remonte. Quand l’enregistreur le propose, choisissez le WAV 48 kHz en 24 bits, qui garde de la marge.

${audioClip('recording-outdoors-fr', 'Écouter l’essai de niveau (11 secondes, voix de synthèse).')}

<details>
<summary>Transcription de l’essai</summary>

« Avant chaque prise, faites un essai de dix secondes. Réécoutez-le au casque : la voix doit être claire, sans souffle de vent, et les crêtes doivent rester autour de moins douze décibels. »

</details>

## Le placement
Pour une voix, tenez le micro à 20 ou 30 cm de la bouche, un peu sur le côté pour éviter les « p » qui claquent. Pour une ambiance (un marché, le port, la pluie), posez l’enregistreur, restez immobile et silencieux une minute entière : ce fond sonore sert ensuite au montage. Tenez l’appareil par sa poignée sans bouger les doigts : chaque frottement s’entend.

## Les personnes
La voix d’une personne lui appartient : demandez son accord avant d’enregistrer, dites à quoi servira l’enregistrement et sous quelle licence il sera publié, et notez son nom pour les crédits. Une musique diffusée dans un café appartient aussi à quelqu’un : évitez-la dans vos prises.`,
			en: `The sound walks on the commons trails are recorded outside, where wind, traffic and passers-by give no warning. A few habits are enough to bring back usable sound.

![A hand-held recorder whose microphone is covered by a long-haired windshield, facing the wind; next to it, a person speaks 20 to 30 centimetres from the microphone.](/learn/recording-outdoors.svg)

## Wind
The slightest breath on the capsule makes a rumble that no software really removes. Always fit the foam windshield; outdoors, add the long-haired windshield (the "dead cat"). In strong wind, also shelter the microphone behind your body, a wall or a tree.

## Levels
Record a ten-second test and play it back on headphones before the real take. Set the gain so that peaks sit around −12 dB and never reach 0 dB: clipped sound is lost, whereas sound that is a little quiet can be raised. When the recorder offers it, choose 48 kHz 24-bit WAV, which keeps some headroom.

${audioClip('recording-outdoors-en', 'Listen to the level test (12 seconds, synthesised voice).')}

<details>
<summary>Transcript of the test</summary>

"Before every take, record a ten-second test. Play it back on headphones: the voice should be clear, with no wind noise, and the peaks should stay around minus twelve decibels."

</details>

## Placement
For a voice, hold the microphone 20 to 30 cm from the mouth, slightly to the side so that "p" sounds do not pop. For an ambience (a market, the harbour, the rain), set the recorder down and stay still and silent for a whole minute: that background is what the edit is built on. Hold the recorder by its grip without moving your fingers: every rub can be heard.

## People
A person's voice belongs to them: ask for their consent before recording, say what the recording is for and under which licence it will be published, and note their name for the credits. Music playing in a café also belongs to someone: keep it out of your takes.`
		},
		quiz: [
			{
				prompt: {
					fr: 'Le vent souffle fort sur le port. Que faites-vous ?',
					en: 'A strong wind is blowing across the harbour. What do you do?'
				},
				choices: [
					{ fr: 'Je monte le gain pour couvrir le vent', en: 'I raise the gain to cover the wind' },
					{
						fr: 'Bonnette à poils longs, et j’abrite le micro derrière moi ou un mur',
						en: 'Long-haired windshield, and I shelter the microphone behind me or a wall'
					},
					{
						fr: 'J’enlève la bonnette pour un son plus net',
						en: 'I remove the windshield for a clearer sound'
					}
				],
				answer: 1
			},
			{
				prompt: {
					fr: 'À quelle distance de la bouche placer le micro pour enregistrer une voix ?',
					en: 'How far from the mouth should the microphone be to record a voice?'
				},
				choices: [
					{ fr: '2 à 3 cm', en: '2 to 3 cm' },
					{ fr: '20 à 30 cm', en: '20 to 30 cm' },
					{ fr: '2 à 3 mètres', en: '2 to 3 metres' }
				],
				answer: 1
			},
			{
				prompt: {
					fr: 'Vous voulez enregistrer une habitante qui raconte son quartier. Avant de commencer :',
					en: 'You want to record a resident telling the story of her neighbourhood. Before you start:'
				},
				choices: [
					{
						fr: 'je lui demande son accord et lui dis sous quelle licence ce sera publié',
						en: 'I ask for her consent and tell her under which licence it will be published'
					},
					{
						fr: 'rien : dans la rue, tout le monde peut être enregistré',
						en: 'nothing: anyone may be recorded in the street'
					},
					{ fr: 'je préviens la mairie', en: 'I inform the town hall' }
				],
				answer: 0
			}
		]
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
Dès qu’une œuvre est créée, le droit d’auteur la protège : sans autorisation, personne ne peut légalement la copier, la diffuser ou la transformer. Une licence Creative Commons donne d’avance cette autorisation à tout le monde, à des conditions que vous choisissez. C’est ce qui permet à une balade sonore, une photo ou un film d’être repris par une école, une radio associative ou un autre quartier.

![Les quatre licences du portail, chacune avec ses symboles : CC BY (une personne), CC BY-SA (une personne et une flèche circulaire), CC0 (un zéro) et CC BY-NC-SA (une personne, un euro barré et une flèche circulaire).](/learn/licences.svg)

## Les quatre licences du portail
- **CC BY 4.0** (par défaut) : toute réutilisation, y compris commerciale, à condition de vous citer.
- **CC BY-SA 4.0** : pareil, et quiconque diffuse une œuvre modifiée doit la partager sous la même licence.
- **CC0** : vous renoncez autant que la loi le permet à vos droits ; l’œuvre rejoint le domaine public. En France, le droit moral (être reconnu comme auteur, le respect de l’œuvre) ne peut pas être abandonné.
- **CC BY-NC-SA 4.0** : pas d’usage commercial, et partage à l’identique.

## Citer correctement
Une bonne attribution donne le titre, l’auteur, la source (un lien) et la licence, par exemple : « Le marché de Saint-Martin », par Collectif Rive droite, sous licence CC BY 4.0. Le portail l’affiche pour vous sous chaque média.

## Comment choisir
Pour qu’une œuvre circule le plus possible, CC BY ou CC0. Pour qu’elle reste un commun, y compris dans ses versions modifiées, CC BY-SA. Avant de choisir, vérifiez que vous détenez bien tous les droits : l’accord des personnes enregistrées ou photographiées, et aucune musique d’un tiers. Enfin, une licence Creative Commons ne se retire pas : ce qui a été diffusé sous CC BY le reste.`,
			en: `## Why a licence
As soon as a work is created, copyright protects it: without permission, nobody may legally copy, share or adapt it. A Creative Commons licence gives that permission to everyone in advance, on conditions you choose. That is what lets a sound walk, a photo or a film be picked up by a school, a community radio station or another neighbourhood.

![The portal's four licences, each with its symbols: CC BY (a person), CC BY-SA (a person and a circular arrow), CC0 (a zero) and CC BY-NC-SA (a person, a crossed-out euro and a circular arrow).](/learn/licences.svg)

## The portal's four licences
- **CC BY 4.0** (default): any reuse, commercial included, provided you are credited.
- **CC BY-SA 4.0**: the same, and anyone who shares an adapted work must share it under the same licence.
- **CC0**: you waive your rights as far as the law allows; the work joins the public domain. In France, moral rights (being recognised as the author, respect for the work) cannot be given up.
- **CC BY-NC-SA 4.0**: no commercial use, and share alike.

## Crediting properly
A good attribution gives the title, the author, the source (a link) and the licence, for example: "Saint-Martin market" by Collectif Rive droite, licensed under CC BY 4.0. The portal shows it for you under every media item.

## How to choose
For a work to travel as far as possible, CC BY or CC0. For it to stay a commons, adapted versions included, CC BY-SA. Before choosing, check that you really hold all the rights: the consent of the people recorded or photographed, and no music by someone else. Finally, a Creative Commons licence cannot be withdrawn: what was shared under CC BY stays so.`
		},
		quiz: [
			{
				prompt: {
					fr: 'Quelle licence le portail propose-t-il par défaut ?',
					en: 'Which licence does the portal suggest by default?'
				},
				choices: [{ fr: 'CC0' }, { fr: 'CC BY 4.0' }, { fr: 'CC BY-NC-SA 4.0' }],
				answer: 1
			},
			{
				prompt: {
					fr: 'Une radio associative diffuse une version remontée de votre balade publiée sous CC BY-SA. Elle doit :',
					en: 'A community radio station broadcasts a re-edited version of your walk published under CC BY-SA. It must:'
				},
				choices: [
					{ fr: 'vous payer des droits', en: 'pay you royalties' },
					{
						fr: 'vous citer et partager sa version sous la même licence',
						en: 'credit you and share its version under the same licence'
					},
					{ fr: 'ne rien changer à l’œuvre', en: 'leave the work unchanged' }
				],
				answer: 1
			},
			{
				prompt: {
					fr: 'Laquelle de ces licences interdit d’utiliser votre enregistrement dans une publicité ?',
					en: 'Which of these licences forbids using your recording in an advertisement?'
				},
				choices: [{ fr: 'CC BY 4.0' }, { fr: 'CC0' }, { fr: 'CC BY-NC-SA 4.0' }],
				answer: 2
			}
		]
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
			fr: `Un collectif peut emprunter du matériel et publier des sentiers sans statut. Mais pour recevoir une subvention, signer un contrat ou gérer durablement des œuvres communes, il lui faut une personne morale : l’association loi 1901 est la forme la plus simple.

![Les trois étapes de la création : 1, rédiger les statuts ; 2, les adopter en assemblée constitutive ; 3, déclarer l’association en préfecture, avant la publication au Journal officiel.](/learn/founding-an-association.svg)

## Deux personnes suffisent
Une association réunit au moins deux personnes qui mettent en commun leurs connaissances ou leur activité dans un but autre que de partager des bénéfices. Elle peut avoir des recettes et des salariés, mais ses excédents restent dans le projet. (En Alsace et en Moselle, c’est le droit local qui s’applique : sept membres fondateurs et une inscription au tribunal.)

## Les statuts
Ils fixent le nom, l’objet, le siège, qui peut être membre et comment les décisions se prennent. La loi n’impose ni président ni bureau : une direction collégiale est possible. Pour un commun, écrivez aussi sous quelle licence l’association publie ses œuvres, et à qui reviennent ses biens si elle se dissout : ils ne peuvent pas être partagés entre les membres, et sont souvent attribués à une association à l’objet proche.

## L’assemblée constitutive
Les fondateurs se réunissent, adoptent les statuts et désignent les premières personnes chargées de l’administration. Rédigez un procès-verbal de la réunion, signé, et gardez-en une copie.

## La déclaration
Déclarez l’association en ligne sur service-public.fr, avec les statuts signés et la liste des dirigeants ; la préfecture (le greffe des associations) délivre un récépissé. La publication au Journal officiel des associations, gratuite, rend l’association capable d’agir en justice, d’ouvrir un compte, de recevoir des subventions. Une association non déclarée existe, mais sans capacité juridique.`,
			en: `A collective can borrow equipment and publish trails without any legal form. But to receive a grant, sign a contract or look after shared works for the long run, it needs a legal entity: the loi 1901 association is the simplest one.

![The three steps of founding: 1, write the statutes; 2, adopt them at a founding meeting; 3, declare the association to the prefecture, before publication in the Journal officiel.](/learn/founding-an-association.svg)

## Two people are enough
An association brings together at least two people who pool their knowledge or activity for a purpose other than sharing profits. It may have income and employees, but its surplus stays in the project. (In Alsace and Moselle, local law applies: seven founding members and registration at the court.)

## The statutes
They set the name, purpose, registered address, who may join and how decisions are made. The law requires neither a president nor a board: a collective leadership is possible. For a commons, also write under which licence the association publishes its works, and who receives its assets if it is dissolved: they cannot be shared among the members, and often go to an association with a similar purpose.

## The founding meeting
The founders meet, adopt the statutes and appoint the first people in charge of running it. Write up signed minutes of the meeting and keep a copy.

## The declaration
Declare the association online on service-public.fr, with the signed statutes and the list of officers; the prefecture (the associations registry) issues a receipt. Publication in the Journal officiel des associations, which is free, gives the association the capacity to go to court, open a bank account and receive grants. An undeclared association exists, but without legal capacity.`
		},
		quiz: [
			{
				prompt: {
					fr: 'À Brest, combien de personnes faut-il au minimum pour fonder une association loi 1901 ?',
					en: 'In Brest, how many people are needed at least to found a loi 1901 association?'
				},
				choices: [
					{ fr: 'Une', en: 'One' },
					{ fr: 'Deux', en: 'Two' },
					{ fr: 'Sept', en: 'Seven' }
				],
				answer: 1
			},
			{
				prompt: {
					fr: 'Qu’est-ce qui donne à l’association sa capacité juridique ?',
					en: 'What gives the association its legal capacity?'
				},
				choices: [
					{ fr: 'L’ouverture d’un compte en banque', en: 'Opening a bank account' },
					{ fr: 'L’élection d’un président', en: 'Electing a president' },
					{
						fr: 'La déclaration en préfecture et sa publication au Journal officiel',
						en: 'The declaration to the prefecture and its publication in the Journal officiel'
					}
				],
				answer: 2
			},
			{
				prompt: {
					fr: 'L’association se dissout. Que deviennent ses biens, comme ses enregistrements ?',
					en: 'The association is dissolved. What happens to its assets, such as its recordings?'
				},
				choices: [
					{ fr: 'Ils sont partagés entre les membres', en: 'They are shared among the members' },
					{
						fr: 'Ils sont attribués comme le prévoient les statuts, par exemple à une association à l’objet proche',
						en: 'They go where the statutes say, for example to an association with a similar purpose'
					},
					{ fr: 'Ils reviennent à la mairie', en: 'They go to the town hall' }
				],
				answer: 1
			}
		]
	}
];
