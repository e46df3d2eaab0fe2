/** Characters XML 1.0 forbids even escaped (controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/** Safe in element content and in quoted attributes alike. */
export function xmlText(value: string): string {
	return value.replace(NOT_XML_CHARACTER, '').replace(/[&<>"']/g, (character) => ENTITIES[character] ?? '');
}
