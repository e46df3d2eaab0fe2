/** Lowercase without accents or extra spaces: "Vidéoprojecteur" and "videoprojecteur" compare equal. */
export function foldForSearch(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[’']/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Every word of the query appears somewhere in the texts, in any language, whatever the accents. */
export function matchesSearch(texts: string[], query: string): boolean {
	const words = foldForSearch(query).split(' ').filter(Boolean);
	if (words.length === 0) return true;
	const haystack = foldForSearch(texts.join(' '));
	return words.every((word) => haystack.includes(word));
}
