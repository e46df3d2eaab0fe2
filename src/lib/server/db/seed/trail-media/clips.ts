/**
 * Demo sound-walk trails of the "Recouvrance Sonore" group and their audio clips.
 *
 * The MP3 files next to this manifest are made by the project with espeak-ng (CC0 1.0);
 * regenerate them with `scripts/make-demo-audio.sh`, which checks that every narration it
 * speaks is one of the `transcript`s below and prints the durations to copy into
 * `durationSeconds`. Positions and paths are [longitude, latitude] (GeoJSON order) and
 * only approximate; the stops of the second trail are made up for the demo.
 */

export type DemoClip = {
	file: string;
	trail: string;
	order: number;
	stopTitle: { fr: string; en: string };
	position: [lng: number, lat: number];
	stopText: { fr: string; en: string };
	transcript: string;
	language: 'fr';
	durationSeconds: number;
};

export type DemoTrail = {
	slug: string;
	group: string;
	status: 'published' | 'pending';
	title: { fr: string; en: string };
	summary: { fr: string; en: string };
	accessibilityNotes: { fr: string; en: string };
	path: [lng: number, lat: number][];
};

export const DEMO_TRAIL_GROUP = 'Recouvrance Sonore';

export const demoTrails: DemoTrail[] = [
	{
		slug: 'sounds-of-recouvrance',
		group: DEMO_TRAIL_GROUP,
		status: 'published',
		title: { fr: 'Sons de Recouvrance', en: 'Sounds of Recouvrance' },
		summary: {
			fr: 'Une courte balade sonore d’environ 1,5 km, du pont de Recouvrance au jardin des explorateurs, en passant par la tour Tanguy, la rue Saint-Malo et les Ateliers des Capucins.',
			en: 'A short sound walk of about 1.5 km, from the Recouvrance bridge to the Explorers’ Garden, by way of the Tanguy tower, Rue Saint-Malo and the Ateliers des Capucins.'
		},
		accessibilityNotes: {
			fr: 'Recouvrance est un quartier en pente : montée marquée entre la Penfeld et la rue Saint-Malo, avec des escaliers par endroits. Pavés irréguliers rue Saint-Malo. L’intérieur de la tour Tanguy se visite par des escaliers ; les Ateliers des Capucins sont de plain-pied.',
			en: 'Recouvrance is a hilly district: a steep climb between the Penfeld and Rue Saint-Malo, with steps in places. Uneven cobbles on Rue Saint-Malo. Inside the Tanguy tower there are stairs; the Ateliers des Capucins are step-free.'
		},
		path: [
			[-4.495, 48.3836],
			[-4.4958, 48.3834],
			[-4.4957, 48.3831],
			[-4.4953, 48.3828],
			[-4.4961, 48.3832],
			[-4.4972, 48.3838],
			[-4.4985, 48.3845],
			[-4.4995, 48.3852],
			[-4.5002, 48.386],
			[-4.5005, 48.3868],
			[-4.4998, 48.3869],
			[-4.499, 48.3867],
			[-4.4985, 48.3865],
			[-4.4978, 48.3856],
			[-4.4971, 48.3846],
			[-4.4963, 48.3838],
			[-4.495, 48.3836],
			[-4.4941, 48.3834],
			[-4.4935, 48.3832],
			[-4.493, 48.383]
		]
	},
	{
		slug: 'lavoirs-de-recouvrance',
		group: DEMO_TRAIL_GROUP,
		status: 'pending',
		title: { fr: 'Les lavoirs de Recouvrance', en: 'The wash-houses of Recouvrance' },
		summary: {
			fr: 'Un parcours d’environ 500 m sur les traces de l’eau, du lavoir de la rue Saint-Malo jusqu’au bord de la Penfeld, par le vallon de Pontaniou.',
			en: 'A walk of about 500 m following the water, from the Rue Saint-Malo wash-house down to the Penfeld through the Pontaniou valley.'
		},
		accessibilityNotes: {
			fr: 'Parcours en descente, avec des rues pentues et des marches dans le vallon de Pontaniou. Pavés rue Saint-Malo. Peu adapté aux fauteuils roulants.',
			en: 'Downhill route with steep streets and steps in the Pontaniou valley. Cobbles on Rue Saint-Malo. Not well suited to wheelchairs.'
		},
		path: [
			[-4.501, 48.387],
			[-4.5008, 48.3867],
			[-4.5004, 48.3865],
			[-4.4998, 48.3862],
			[-4.499, 48.3858],
			[-4.4983, 48.3855],
			[-4.4978, 48.3852],
			[-4.4975, 48.3848],
			[-4.4972, 48.3844],
			[-4.4968, 48.384]
		]
	}
];

export const demoClips: DemoClip[] = [
	{
		file: 'sounds-of-recouvrance-1.mp3',
		trail: 'sounds-of-recouvrance',
		order: 1,
		stopTitle: { fr: 'Pont de Recouvrance', en: 'Recouvrance bridge' },
		position: [-4.495, 48.3836],
		stopText: {
			fr: 'Le pont levant de Recouvrance franchit la Penfeld et relie le centre-ville au quartier de Recouvrance.',
			en: 'The Recouvrance lift bridge crosses the Penfeld, linking the city centre with the Recouvrance district.'
		},
		transcript:
			"Vous êtes sur le pont de Recouvrance, un pont levant qui enjambe la Penfeld. Son tablier central peut s'élever pour laisser passer les navires.",
		language: 'fr',
		durationSeconds: 8.1
	},
	{
		file: 'sounds-of-recouvrance-2.mp3',
		trail: 'sounds-of-recouvrance',
		order: 2,
		stopTitle: { fr: 'Tour Tanguy', en: 'Tanguy tower' },
		position: [-4.4953, 48.3828],
		stopText: {
			fr: 'Tour médiévale au bord de la Penfeld, la tour Tanguy abrite un musée consacré au vieux Brest.',
			en: 'A medieval tower on the bank of the Penfeld, the Tanguy tower houses a museum about old Brest.'
		},
		transcript:
			"Voici la tour Tanguy, une tour médiévale au bord de la Penfeld. Elle abrite aujourd'hui un musée qui raconte le Brest d'autrefois.",
		language: 'fr',
		durationSeconds: 7.7
	},
	{
		file: 'sounds-of-recouvrance-3.mp3',
		trail: 'sounds-of-recouvrance',
		order: 3,
		stopTitle: { fr: 'Rue Saint-Malo', en: 'Rue Saint-Malo' },
		position: [-4.5005, 48.3868],
		stopText: {
			fr: 'Pavés et vieilles maisons : la rue Saint-Malo est l’une des rares rues anciennes de Brest qui ont survécu à la guerre.',
			en: 'Cobbles and old houses: Rue Saint-Malo is one of the few old streets of Brest that survived the war.'
		},
		transcript:
			"La rue Saint-Malo est l'une des rares rues anciennes de Brest à avoir survécu à la guerre. Ses pavés et ses vieilles maisons gardent la mémoire du quartier.",
		language: 'fr',
		durationSeconds: 8
	},
	{
		file: 'sounds-of-recouvrance-4.mp3',
		trail: 'sounds-of-recouvrance',
		order: 4,
		stopTitle: { fr: 'Ateliers des Capucins', en: 'Ateliers des Capucins' },
		position: [-4.4985, 48.3865],
		stopText: {
			fr: 'Anciens ateliers de la Marine devenus un grand lieu public, les Capucins sont reliés au centre-ville par un téléphérique.',
			en: 'Former naval workshops turned into a large public place, the Capucins are linked to the city centre by cable car.'
		},
		transcript:
			"Les Ateliers des Capucins sont d'anciens ateliers de la Marine, devenus un grand lieu public. On peut y arriver en téléphérique, au-dessus de la Penfeld.",
		language: 'fr',
		durationSeconds: 8.8
	},
	{
		file: 'sounds-of-recouvrance-5.mp3',
		trail: 'sounds-of-recouvrance',
		order: 5,
		stopTitle: { fr: 'Jardin des explorateurs', en: 'Explorers’ Garden' },
		position: [-4.493, 48.383],
		stopText: {
			fr: 'Un jardin qui rend hommage aux navigateurs partis de Brest, avec des plantes venues de pays lointains. Fin du parcours.',
			en: 'A garden honouring the seafarers who sailed from Brest, with plants from faraway lands. End of the walk.'
		},
		transcript:
			'Le jardin des explorateurs rend hommage aux navigateurs partis de Brest. On y croise des plantes venues de pays lointains. Merci de votre écoute !',
		language: 'fr',
		durationSeconds: 8.5
	},
	{
		file: 'lavoirs-de-recouvrance-1.mp3',
		trail: 'lavoirs-de-recouvrance',
		order: 1,
		stopTitle: { fr: 'Lavoir de la rue Saint-Malo', en: 'Rue Saint-Malo wash-house' },
		position: [-4.501, 48.387],
		stopText: {
			fr: 'On venait autrefois laver le linge au lavoir, près de la rue Saint-Malo.',
			en: 'People once came to the wash-house near Rue Saint-Malo to do their laundry.'
		},
		transcript:
			"Près de la rue Saint-Malo, on venait autrefois laver le linge au lavoir. Imaginez le bruit de l'eau, des battoirs et des conversations entre voisines.",
		language: 'fr',
		durationSeconds: 8.6
	},
	{
		file: 'lavoirs-de-recouvrance-2.mp3',
		trail: 'lavoirs-de-recouvrance',
		order: 2,
		stopTitle: { fr: 'Vallon de Pontaniou', en: 'Pontaniou valley' },
		position: [-4.4978, 48.3852],
		stopText: {
			fr: 'Le vallon de Pontaniou descend vers la Penfeld ; fontaines et lavoirs y fournissaient l’eau du quartier.',
			en: 'The Pontaniou valley runs down to the Penfeld; fountains and wash-houses supplied the district with water.'
		},
		transcript:
			"Dans le vallon de Pontaniou, l'eau descend vers la Penfeld. Fontaines et lavoirs servaient à boire, à cuisiner et à laver.",
		language: 'fr',
		durationSeconds: 7.4
	},
	{
		file: 'lavoirs-de-recouvrance-3.mp3',
		trail: 'lavoirs-de-recouvrance',
		order: 3,
		stopTitle: { fr: 'Belvédère sur la Penfeld', en: 'Penfeld lookout' },
		position: [-4.4968, 48.384],
		stopText: {
			fr: 'Un point de vue sur la Penfeld, où l’on entend à la fois le port, la ville et la rivière.',
			en: 'A viewpoint over the Penfeld, where you can hear the harbour, the city and the river all at once.'
		},
		transcript:
			"D'ici, on domine la Penfeld. Tendez l'oreille : les bruits du port et de la ville se mêlent au clapotis de la rivière.",
		language: 'fr',
		durationSeconds: 7
	}
];
