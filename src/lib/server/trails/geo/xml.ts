import { DOMParser, type Document } from '@xmldom/xmldom';
import { TrailImportError } from './import-error';

/**
 * Parses GPX or KML text. Neither format needs a document type declaration, and one is the
 * vehicle of entity tricks (billion laughs, external files): xmldom expands none of them,
 * but a file that carries one is refused all the same rather than trusted to stay harmless.
 */
export function parseXml(text: string): Document {
	let document: Document;
	try {
		// Recoverable errors (an undeclared entity, a stray character) leave the rest usable;
		// xmldom throws on fatal ones whatever onError does.
		document = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
	} catch (problem) {
		throw new TrailImportError('unreadable', `Not well-formed XML: ${String(problem)}`);
	}
	if (document.doctype) {
		throw new TrailImportError('unreadable', 'XML with a document type declaration');
	}
	return document;
}
