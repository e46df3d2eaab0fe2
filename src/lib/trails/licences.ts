/** The Creative Commons licences a project or a media item may carry; CC BY 4.0 unless chosen. */
export const licences = {
	'cc-by-4.0': { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
	'cc-by-sa-4.0': { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
	'cc0-1.0': { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
	'cc-by-nc-sa-4.0': {
		name: 'CC BY-NC-SA 4.0',
		url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/'
	}
} as const;

export type LicenceId = keyof typeof licences;
export const licenceIds = Object.keys(licences) as [LicenceId, ...LicenceId[]];
export const DEFAULT_LICENCE: LicenceId = 'cc-by-4.0';

export const licenceOf = (id: LicenceId) => ({ id, ...licences[id] });
