import { describe, expect, it } from 'vitest';
import { documentTypeOf, zipEntryNames } from './document-type';

const u16 = (value: number) => [value & 255, (value >>> 8) & 255];
const u32 = (value: number) => [...u16(value & 0xffff), ...u16(value >>> 16)];
const bytes = (text: string) => [...new TextEncoder().encode(text)];

/** A ZIP archive of stored (uncompressed) entries, with its central directory, as office suites write. */
function zip(entries: [name: string, content: string][]): Uint8Array {
	const local: number[] = [];
	const central: number[] = [];
	for (const [name, content] of entries) {
		const offset = local.length;
		const data = bytes(content);
		const header = [
			...u16(20),
			...u16(0),
			...u16(0),
			...u16(0),
			...u16(0),
			...u32(0),
			...u32(data.length),
			...u32(data.length)
		];
		local.push(...u32(0x04034b50), ...header, ...u16(name.length), ...u16(0), ...bytes(name), ...data);
		central.push(
			...u32(0x02014b50),
			...u16(20),
			...header,
			...u16(name.length),
			...u16(0),
			...u16(0),
			...u16(0),
			...u16(0),
			...u32(0),
			...u32(offset),
			...bytes(name)
		);
	}
	const end = [
		...u32(0x06054b50),
		...u16(0),
		...u16(0),
		...u16(entries.length),
		...u16(entries.length),
		...u32(central.length),
		...u32(local.length),
		...u16(0)
	];
	return new Uint8Array([...local, ...central, ...end]);
}

describe('the type of an attachment, from its content', () => {
	it('knows PDF and photos', () => {
		expect(documentTypeOf(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({
			mime: 'application/pdf',
			extension: 'pdf'
		});
		expect(documentTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.extension).toBe('jpg');
	});

	it('knows OpenDocument texts and spreadsheets by their mimetype entry', () => {
		const odt = zip([
			['mimetype', 'application/vnd.oasis.opendocument.text'],
			['content.xml', '<x/>']
		]);
		const ods = zip([
			['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
			['content.xml', '<x/>']
		]);
		expect(documentTypeOf(odt)?.extension).toBe('odt');
		expect(documentTypeOf(ods)?.extension).toBe('ods');
	});

	it('knows Word and Excel files by their parts, and refuses other archives', () => {
		const docx = zip([
			['[Content_Types].xml', '<Types/>'],
			['word/document.xml', '<w/>']
		]);
		const xlsx = zip([
			['[Content_Types].xml', '<Types/>'],
			['xl/workbook.xml', '<w/>']
		]);
		expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', 'word/document.xml']);
		expect(documentTypeOf(docx)?.extension).toBe('docx');
		expect(documentTypeOf(xlsx)?.extension).toBe('xlsx');
		expect(documentTypeOf(zip([['payload.exe', 'MZ']]))).toBeNull();
		expect(documentTypeOf(zip([['mimetype', 'application/x-evil']]))).toBeNull();
	});

	it('refuses executables, scripts, truncated archives and nothing at all', () => {
		expect(documentTypeOf(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toBeNull();
		expect(documentTypeOf(new TextEncoder().encode('#!/bin/sh\nrm -rf /'))).toBeNull();
		expect(
			documentTypeOf(
				zip([
					['[Content_Types].xml', ''],
					['word/document.xml', '']
				]).slice(0, 60)
			)
		).toBeNull();
		expect(documentTypeOf(new Uint8Array())).toBeNull();
	});
});
