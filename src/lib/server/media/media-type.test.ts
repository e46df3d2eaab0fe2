import { describe, expect, it } from 'vitest';
import {
	AUDIO_TRACK,
	VIDEO_TRACK,
	box,
	bytesOf,
	fixture,
	isoFile,
	mvhd,
	seededRandom,
	track,
	webmFile
} from '../../../../tests/fixtures/media/synthetic';
import { mediaTypeOf } from './media-type';

const MP3 = { kind: 'audio', mime: 'audio/mpeg', extension: 'mp3' };
const WEBM_AUDIO = { kind: 'audio', mime: 'audio/webm', extension: 'webm' };
const WEBM_VIDEO = { kind: 'video', mime: 'video/webm', extension: 'webm' };

const FIXTURES = [
	['tone-cbr.mp3', MP3],
	['tone-vbr.mp3', MP3],
	['tone-plain.mp3', MP3],
	['tone.m4a', { kind: 'audio', mime: 'audio/mp4', extension: 'm4a' }],
	['tone.opus', { kind: 'audio', mime: 'audio/ogg', extension: 'opus' }],
	['tone.ogg', { kind: 'audio', mime: 'audio/ogg', extension: 'ogg' }],
	['tone.webm', WEBM_AUDIO],
	['tone-streamed.webm', WEBM_AUDIO],
	['clip.mp4', { kind: 'video', mime: 'video/mp4', extension: 'mp4' }],
	['clip-vp8.webm', WEBM_VIDEO],
	['clip-vp9.webm', WEBM_VIDEO],
	['dot.jpg', { kind: 'photo', mime: 'image/jpeg', extension: 'jpg' }],
	['dot.png', { kind: 'photo', mime: 'image/png', extension: 'png' }],
	['dot.webp', { kind: 'photo', mime: 'image/webp', extension: 'webp' }]
] as const;

describe('mediaTypeOf', () => {
	it.each(FIXTURES)('reads %s from its content', (name, type) => {
		expect(mediaTypeOf(fixture(name))).toEqual(type);
	});

	it('turns down Ogg video (Theora), even with a sound track', () => {
		expect(mediaTypeOf(fixture('clip-theora.ogv'))).toBeNull();
	});

	it('calls an MP4 with a sound and a video track a video', () => {
		expect(mediaTypeOf(isoFile(box('moov', mvhd(0, 1000, 1000), track('soun'), track('vide'))))?.kind).toBe(
			'video'
		);
	});

	it('turns down an MP4 without sound or video, or without a movie at all (HEIF photos)', () => {
		expect(mediaTypeOf(isoFile(box('moov', mvhd(0, 1000, 1000), track('text'))))).toBeNull();
		expect(mediaTypeOf(isoFile(box('meta', [0, 0, 0, 0])))).toBeNull();
	});

	it('reads WebM tracks and turns down other Matroska files and WebM without tracks', () => {
		expect(mediaTypeOf(webmFile({ trackTypes: [AUDIO_TRACK, VIDEO_TRACK] }))).toEqual(WEBM_VIDEO);
		expect(mediaTypeOf(webmFile({ trackTypes: [AUDIO_TRACK] }))).toEqual(WEBM_AUDIO);
		expect(mediaTypeOf(webmFile({ docType: 'matroska', trackTypes: [AUDIO_TRACK] }))).toBeNull();
		expect(mediaTypeOf(webmFile({ trackTypes: [] }))).toBeNull();
	});
});

describe('mediaTypeOf with what is not media', () => {
	const elf = [0x7f, ...bytesOf('ELF'), 2, 1, 1, 0, ...new Array(56).fill(0)];
	const pe = [...bytesOf('MZ'), 0x90, 0, ...new Array(56).fill(0), 0x40, 0, 0, 0, ...bytesOf('PE\0\0')];

	it.each([
		['an ELF executable', elf],
		['a Windows executable', pe],
		['a shell script', bytesOf('#!/bin/sh\nrm -rf ~\n')],
		['a zip archive', [...bytesOf('PK\x03\x04'), 20, 0, ...new Array(30).fill(0)]],
		['a PDF', bytesOf('%PDF-1.7\n')],
		['an empty file', []]
	])('turns down %s', (_, bytes) => {
		expect(mediaTypeOf(new Uint8Array(bytes))).toBeNull();
	});

	it('turns down an executable with a sound appended, or behind a tag or a file type box', () => {
		const sound = [...fixture('tone-plain.mp3')];
		const id3Tag = [...bytesOf('ID3'), 4, 0, 0, 0, 0, 0, elf.length];
		expect(mediaTypeOf(new Uint8Array([...elf, ...sound]))).toBeNull();
		expect(mediaTypeOf(new Uint8Array([...id3Tag, ...elf]))).toBeNull();
		expect(mediaTypeOf(isoFile(elf))).toBeNull();
		expect(mediaTypeOf(new Uint8Array([...bytesOf('OggS'), 0, 2, ...elf]))).toBeNull();
	});
});

describe('mediaTypeOf with damaged files', () => {
	const names = [...FIXTURES.map(([name]) => name), 'clip-theora.ogv'];

	it.each(names)('reads %s cut short without throwing', (name) => {
		const bytes = fixture(name);
		for (const length of [1, 3, 4, 8, 12, 27, 40, 64, 200, bytes.length / 2, bytes.length - 1]) {
			const type = mediaTypeOf(bytes.subarray(0, Math.floor(length)));
			expect(type === null || typeof type.mime === 'string').toBe(true);
		}
	});

	it.each(names)('reads %s with bytes overwritten without throwing', (name) => {
		const random = seededRandom(name.length);
		for (let round = 0; round < 50; round += 1) {
			const bytes = fixture(name);
			for (let hit = 0; hit < 8; hit += 1) {
				const at = Math.floor(random() * Math.min(bytes.length, 400 + round * 200));
				bytes[at] = Math.floor(random() * 256);
			}
			expect(() => mediaTypeOf(bytes)).not.toThrow();
		}
	});

	it('reads boxes and elements that claim more than the file holds without throwing', () => {
		const huge = [0xff, 0xff, 0xff, 0xff];
		expect(mediaTypeOf(new Uint8Array([...huge, ...bytesOf('ftypisom')]))).toBeNull();
		expect(mediaTypeOf(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x01, ...huge, ...huge]))).toBeNull();
		expect(mediaTypeOf(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x00]))).toBeNull();
		expect(mediaTypeOf(webmFile({ docType: 'webm'.repeat(100_000), trackTypes: [AUDIO_TRACK] }))).toBeNull();
	});
});
