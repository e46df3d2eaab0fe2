import type { LocalizedText } from '../../../i18n/localized-text';

export const demoCategories: { slug: string; name: LocalizedText }[] = [
	{ slug: 'sound', name: { fr: 'Son', en: 'Sound' } },
	{ slug: 'image', name: { fr: 'Image', en: 'Image' } },
	{ slug: 'light', name: { fr: 'Lumière', en: 'Light' } },
	{ slug: 'projection', name: { fr: 'Projection', en: 'Projection' } },
	{ slug: 'events', name: { fr: 'Événements', en: 'Events' } }
];

export type DemoModel = {
	slug: string;
	code: string;
	category: string;
	name: LocalizedText;
	description: LocalizedText;
	inTheBox: LocalizedText;
	/** Describes the illustration at static/equipment/<slug>.svg. */
	photoAlt: LocalizedText;
	units: Record<string, number>;
	bufferMinutes?: number;
	approvalRequired?: boolean;
	requiredModule?: string;
};

export const demoModels: DemoModel[] = [
	{
		slug: 'zoom-h5',
		code: 'ZH5',
		category: 'sound',
		name: { fr: 'Enregistreur Zoom H5', en: 'Zoom H5 recorder' },
		description: {
			fr: 'Enregistreur de poche à quatre pistes avec capsule stéréo XY interchangeable : interviews, ambiances, podcasts.',
			en: 'Four-track handheld recorder with an interchangeable XY stereo capsule: interviews, soundscapes, podcasts.'
		},
		inTheBox: {
			fr: 'Enregistreur, capsule XY, bonnette anti-vent, carte SD 32 Go, 2 piles AA rechargeables, câble USB, housse.',
			en: 'Recorder, XY capsule, windshield, 32 GB SD card, 2 rechargeable AA batteries, USB cable, pouch.'
		},
		photoAlt: {
			fr: 'Illustration : un enregistreur de poche Zoom H5 avec sa capsule stéréo à deux micros croisés',
			en: 'Illustration: a Zoom H5 handheld recorder with its stereo capsule of two crossed microphones'
		},
		units: { capucins: 3, bellevue: 2, 'saint-martin': 1 }
	},
	{
		slug: 'roland-cs-10em',
		code: 'CS10',
		category: 'sound',
		name: { fr: 'Micros binauraux Roland CS-10EM', en: 'Roland CS-10EM binaural microphones' },
		description: {
			fr: 'Écouteurs-micros portés dans les oreilles : le son en 3D tel que vous l’entendez, idéal pour les balades sonores.',
			en: 'In-ear microphones: sound in 3D just as you hear it, ideal for sound walks.'
		},
		inTheBox: {
			fr: 'Paire de micros-écouteurs, boîtier de contrôle, embouts de rechange, pochette.',
			en: 'Pair of in-ear microphones, control box, spare ear tips, pouch.'
		},
		photoAlt: {
			fr: 'Illustration : une paire de micros-écouteurs Roland CS-10EM reliés à leur boîtier de contrôle, le son arrivant de chaque côté',
			en: 'Illustration: a pair of Roland CS-10EM in-ear microphones joined to their control box, with sound arriving from each side'
		},
		units: { capucins: 4 }
	},
	{
		slug: 'rode-ntg4-plus',
		code: 'NTG4',
		category: 'sound',
		name: { fr: 'Micro canon Rode NTG4+', en: 'Rode NTG4+ shotgun microphone' },
		description: {
			fr: 'Micro directionnel à batterie intégrée pour la prise de son en tournage ou en reportage.',
			en: 'Directional microphone with a built-in battery for film sets and field reporting.'
		},
		inTheBox: {
			fr: 'Micro, bonnette mousse, pince, câble XLR 3 m, câble de charge USB.',
			en: 'Microphone, foam windshield, clip, 3 m XLR cable, USB charging cable.'
		},
		photoAlt: {
			fr: 'Illustration : un micro canon Rode NTG4+ sur sa poignée, avec son câble XLR rouge',
			en: 'Illustration: a Rode NTG4+ shotgun microphone on its pistol grip, with its red XLR cable'
		},
		units: { capucins: 4 }
	},
	{
		slug: 'ath-m50x',
		code: 'M50X',
		category: 'sound',
		name: { fr: 'Casque Audio-Technica ATH-M50x', en: 'Audio-Technica ATH-M50x headphones' },
		description: {
			fr: 'Casque fermé de monitoring pour écouter précisément ce que vous enregistrez.',
			en: 'Closed-back monitoring headphones to hear exactly what you record.'
		},
		inTheBox: {
			fr: 'Casque, câble spiralé, adaptateur 6,35 mm, housse.',
			en: 'Headphones, coiled cable, 6.35 mm adapter, pouch.'
		},
		photoAlt: {
			fr: 'Illustration : un casque fermé Audio-Technica ATH-M50x noir avec son câble',
			en: 'Illustration: black Audio-Technica ATH-M50x closed-back headphones with their cable'
		},
		units: { capucins: 4 }
	},
	{
		slug: 'canon-xa11',
		code: 'XA11',
		category: 'image',
		name: { fr: 'Caméscope Canon XA11', en: 'Canon XA11 camcorder' },
		description: {
			fr: 'Caméscope Full HD simple à prendre en main, avec entrées XLR : captations, reportages, ateliers.',
			en: 'Easy Full HD camcorder with XLR inputs: recordings of events, reports, workshops.'
		},
		inTheBox: {
			fr: 'Caméscope, poignée XLR, 2 batteries, chargeur, carte SD 64 Go, sac.',
			en: 'Camcorder, XLR handle, 2 batteries, charger, 64 GB SD card, bag.'
		},
		photoAlt: {
			fr: 'Illustration : un caméscope Canon XA11 vu de profil, écran ouvert, avec sa poignée XLR et son micro',
			en: 'Illustration: a Canon XA11 camcorder seen from the side, screen open, with its XLR handle and microphone'
		},
		units: { capucins: 2 },
		bufferMinutes: 120
	},
	{
		slug: 'sony-fx30-kit',
		code: 'FX30',
		category: 'image',
		name: { fr: 'Kit caméra cinéma Sony FX30', en: 'Sony FX30 cinema camera kit' },
		description: {
			fr: 'Caméra cinéma Super 35 avec optique zoom, pour les projets de film ambitieux. Formation « Bases de la caméra » requise.',
			en: 'Super 35 cinema camera with a zoom lens, for ambitious film projects. "Camera basics" training required.'
		},
		inTheBox: {
			fr: 'Boîtier FX30, zoom 18-105 mm, poignée XLR, 3 batteries, chargeur, 2 cartes CFexpress, valise.',
			en: 'FX30 body, 18-105 mm zoom, XLR handle, 3 batteries, charger, 2 CFexpress cards, case.'
		},
		photoAlt: {
			fr: 'Illustration : une caméra cinéma Sony FX30 avec son zoom et sa poignée XLR, deux batteries et une carte mémoire',
			en: 'Illustration: a Sony FX30 cinema camera with its zoom lens and XLR handle, two batteries and a memory card'
		},
		units: { capucins: 1 },
		bufferMinutes: 120,
		approvalRequired: true,
		requiredModule: 'camera-basics'
	},
	{
		slug: 'manfrotto-tripod',
		code: 'TRI',
		category: 'image',
		name: { fr: 'Trépied Manfrotto', en: 'Manfrotto tripod' },
		description: {
			fr: 'Trépied vidéo à rotule fluide, stable et léger.',
			en: 'Video tripod with a fluid head, steady and light.'
		},
		inTheBox: { fr: 'Trépied, rotule, plateau rapide, sac.', en: 'Tripod, head, quick-release plate, bag.' },
		photoAlt: {
			fr: 'Illustration : un trépied vidéo Manfrotto déplié, avec sa rotule fluide et son bras de panoramique',
			en: 'Illustration: an unfolded Manfrotto video tripod with its fluid head and pan bar'
		},
		units: { capucins: 4, bellevue: 2 }
	},
	{
		slug: 'led-panel-pair',
		code: 'LED',
		category: 'light',
		name: { fr: 'Paire de panneaux LED', en: 'LED light panel pair' },
		description: {
			fr: 'Deux panneaux LED bicolores à intensité réglable, sur batterie ou secteur.',
			en: 'Two bi-colour LED panels with adjustable brightness, on battery or mains.'
		},
		inTheBox: {
			fr: '2 panneaux, 2 pieds, 4 batteries, chargeur, diffuseurs, sac.',
			en: '2 panels, 2 stands, 4 batteries, charger, diffusers, bag.'
		},
		photoAlt: {
			fr: 'Illustration : deux panneaux LED sur leurs pieds, l’un en lumière chaude, l’autre en lumière froide',
			en: 'Illustration: two LED panels on their stands, one in warm light, the other in cool light'
		},
		units: { capucins: 2 }
	},
	{
		slug: 'epson-projector',
		code: 'EPS',
		category: 'projection',
		name: { fr: 'Vidéoprojecteur Epson', en: 'Epson video projector' },
		description: {
			fr: 'Vidéoprojecteur lumineux (3 800 lumens) pour projections de quartier et réunions.',
			en: 'Bright projector (3,800 lumens) for neighbourhood screenings and meetings.'
		},
		inTheBox: {
			fr: 'Projecteur, télécommande, câbles HDMI 5 m et secteur, sacoche.',
			en: 'Projector, remote, 5 m HDMI and power cables, bag.'
		},
		photoAlt: {
			fr: 'Illustration : un vidéoprojecteur Epson projetant une image de paysage sur un écran',
			en: 'Illustration: an Epson video projector casting a landscape picture onto a screen'
		},
		units: { bellevue: 1, 'saint-martin': 1 }
	},
	{
		slug: 'bose-s1-pro',
		code: 'S1P',
		category: 'events',
		name: { fr: 'Sonorisation portable Bose S1 Pro', en: 'Bose S1 Pro portable PA' },
		description: {
			fr: 'Enceinte sur batterie avec table de mixage intégrée, pour les prises de parole en plein air.',
			en: 'Battery-powered speaker with a built-in mixer, for speeches and music outdoors.'
		},
		inTheBox: {
			fr: 'Enceinte, batterie, chargeur, micro main et câble XLR, housse.',
			en: 'Speaker, battery, charger, handheld microphone and XLR cable, cover.'
		},
		photoAlt: {
			fr: 'Illustration : une enceinte portable Bose S1 Pro avec sa poignée, et un micro main branché dessus',
			en: 'Illustration: a Bose S1 Pro portable speaker with its handle, and a handheld microphone plugged into it'
		},
		units: { capucins: 1 },
		approvalRequired: true
	},
	{
		slug: 'gazebo-3x3',
		code: 'BAR',
		category: 'events',
		name: { fr: 'Barnum 3 × 3 m', en: '3 × 3 m gazebo tent' },
		description: {
			fr: 'Tente pliante pour les stands et fêtes de quartier ; se monte à deux en dix minutes.',
			en: 'Folding tent for stalls and street parties; two people set it up in ten minutes.'
		},
		inTheBox: {
			fr: 'Structure, toit, 4 murs, 4 poids de lestage, sac à roulettes.',
			en: 'Frame, roof, 4 walls, 4 ballast weights, wheeled bag.'
		},
		photoAlt: {
			fr: 'Illustration : un barnum bleu de 3 × 3 m, lesté aux pieds, abritant une table',
			en: 'Illustration: a blue 3 × 3 m gazebo tent, weighted at its feet, sheltering a table'
		},
		units: { bellevue: 2 }
	}
];

export const demoKits = [
	{
		slug: 'podcast-kit',
		site: 'capucins',
		name: { fr: 'Kit podcast', en: 'Podcast kit' },
		description: {
			fr: 'Tout pour enregistrer un podcast à deux voix : deux micros, un enregistreur, un casque.',
			en: 'Everything to record a two-voice podcast: two microphones, a recorder, headphones.'
		},
		items: [
			{ model: 'rode-ntg4-plus', quantity: 2 },
			{ model: 'zoom-h5', quantity: 1 },
			{ model: 'ath-m50x', quantity: 1 }
		]
	}
] satisfies {
	slug: string;
	site: string;
	name: LocalizedText;
	description: LocalizedText;
	items: { model: string; quantity: number }[];
}[];
