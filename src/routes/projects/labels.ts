import { m } from '$lib/paraglide/messages';
import { licenceIds, licences } from '$lib/trails/licences';

export { themes as themeList } from '$lib/trails/themes';

const themeLabels: Record<string, () => string> = {
	heritage: m.theme_heritage,
	memory: m.theme_memory,
	sound: m.theme_sound,
	art: m.theme_art,
	nature: m.theme_nature,
	maritime: m.theme_maritime,
	neighbourhood: m.theme_neighbourhood
};

export const themeLabel = (theme: string) => themeLabels[theme]?.() ?? theme;

export const licenceOptions = licenceIds.map((id) => ({ value: id, label: licences[id].name }));
