import { photoTypeOf } from '../../media/photo';

export type DocumentType = { mime: string; extension: string };

const ascii = (bytes: Uint8Array, offset: number, length: number) =>
	String.fromCharCode(...bytes.subarray(offset, Math.min(bytes.length, offset + length)));

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The names of a ZIP archive's entries, from its central directory; null when it has none. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
	const data = view(bytes);
	// The end record sits in the last 22 bytes, plus a comment of up to 64 kB.
	const earliest = Math.max(0, bytes.length - 22 - 0xffff);
	for (let at = bytes.length - 22; at >= earliest; at--) {
		if (data.getUint32(at, true) !== 0x06054b50) continue;
		const count = data.getUint16(at + 10, true);
		let entry = data.getUint32(at + 16, true);
		const names: string[] = [];
		for (let index = 0; index < count; index++) {
			if (entry + 46 > bytes.length || data.getUint32(entry, true) !== 0x02014b50) return null;
			const nameLength = data.getUint16(entry + 28, true);
			const extraLength = data.getUint16(entry + 30, true);
			const commentLength = data.getUint16(entry + 32, true);
			names.push(ascii(bytes, entry + 46, nameLength));
			entry += 46 + nameLength + extraLength + commentLength;
		}
		return names;
	}
	return null;
}

const OPEN_DOCUMENT: Record<string, DocumentType> = {
	'application/vnd.oasis.opendocument.text': {
		mime: 'application/vnd.oasis.opendocument.text',
		extension: 'odt'
	},
	'application/vnd.oasis.opendocument.spreadsheet': {
		mime: 'application/vnd.oasis.opendocument.spreadsheet',
		extension: 'ods'
	}
};
const WORD = {
	mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	extension: 'docx'
};
const EXCEL = {
	mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	extension: 'xlsx'
};

function officeTypeOf(bytes: Uint8Array): DocumentType | null {
	if (ascii(bytes, 0, 4) !== 'PK\u0003\u0004') return null;
	// An OpenDocument starts with its type, stored uncompressed, in an entry named "mimetype".
	if (ascii(bytes, 30, 8) === 'mimetype') {
		const data = view(bytes);
		const start = 38 + data.getUint16(28, true);
		const type = OPEN_DOCUMENT[ascii(bytes, start, Math.min(100, data.getUint32(22, true)))];
		if (type) return type;
	}
	const names = zipEntryNames(bytes);
	if (!names?.includes('[Content_Types].xml')) return null;
	if (names.includes('word/document.xml')) return WORD;
	return names.includes('xl/workbook.xml') ? EXCEL : null;
}

/**
 * What an attachment is, read from its content only: PDF, a photo, or an office document
 * (OpenDocument or Office Open XML). Null for anything else, executables and scripts included.
 */
export function documentTypeOf(bytes: Uint8Array): DocumentType | null {
	if (ascii(bytes, 0, 5) === '%PDF-') return { mime: 'application/pdf', extension: 'pdf' };
	const photo = photoTypeOf(bytes);
	if (photo) return photo;
	try {
		return officeTypeOf(bytes);
	} catch {
		return null;
	}
}
