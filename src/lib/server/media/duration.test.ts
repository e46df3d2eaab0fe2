import { describe, expect, it } from 'vitest';
import {
	AUDIO_TRACK,
	box,
	bytesOf,
	fixture,
	isoFile,
	mvhd,
	track,
	u32be,
	webmFile
} from '../../../../tests/fixtures/media/synthetic';
import { durationSecondsOf } from './duration';
import { mediaTypeOf, type MediaType } from './media-type';

const M4A: MediaType = { kind: 'audio', mime: 'audio/mp4', extension: 'm4a' };
const MP3: MediaType = { kind: 'audio', mime: 'audio/mpeg', extension: 'mp3' };
const WEBM: MediaType = { kind: 'audio', mime: 'audio/webm', extension: 'webm' };

function durationOf(bytes: Uint8Array) {
	const type = mediaTypeOf(bytes);
	return type && durationSecondsOf(bytes, type);
}

describe('durationSecondsOf', () => {
	it.each([
		['tone-cbr.mp3', 2, 'Info header, trimmed by its LAME tag'],
		['tone-vbr.mp3', 2, 'Xing header, trimmed by its LAME tag'],
		['tone-plain.mp3', 2, 'no header: every frame counted'],
		['tone.m4a', 2, 'mvhd'],
		['tone.opus', 2, 'granule less pre-skip'],
		['tone.ogg', 2, 'granule over the sample rate'],
		['tone.webm', 2, 'segment duration'],
		['tone-streamed.webm', 2, 'no duration, unknown sizes: the last block'],
		['clip.mp4', 1, 'mvhd'],
		['clip-vp8.webm', 1, 'segment duration'],
		['clip-vp9.webm', 1, 'segment duration']
	])('reads %s as %d s (%s)', (name, seconds) => {
		expect(Math.abs((durationOf(fixture(name)) ?? NaN) - seconds)).toBeLessThanOrEqual(0.15);
	});

	it('rounds to the tenth of a second', () => {
		expect(durationOf(fixture('tone-cbr.mp3'))).toBe(2);
		// 79 frames of 576 samples at 22,050 Hz, the encoder's padding included.
		expect(durationOf(fixture('tone-plain.mp3'))).toBe(2.1);
	});

	it('has none for photos', () => {
		expect(durationOf(fixture('dot.jpg'))).toBeNull();
	});

	it('reads the frame count of a VBRI header', () => {
		const bytes = fixture('tone-plain.mp3');
		const frames = 100;
		bytes.set([...bytesOf('VBRI'), 0, 1, 0, 0, 0, 0, ...u32be(bytes.length), ...u32be(frames)], 36);
		expect(durationSecondsOf(bytes, MP3)).toBe(Math.round((frames * 576) / 2205) / 10);
	});

	it('counts the frames of a long MP3 without a header quickly', () => {
		const one = fixture('tone-plain.mp3');
		const copies = 5000;
		const long = new Uint8Array(one.length * copies);
		for (let copy = 0; copy < copies; copy += 1) long.set(one, copy * one.length);
		const started = performance.now();
		expect(durationSecondsOf(long, MP3)).toBe(Math.round(((79 * 576) / 22050) * copies * 10) / 10);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('reads version 0 and version 1 movie headers, and the fragment duration of live recordings', () => {
		const movie = (...boxes: number[][]) => isoFile(box('moov', ...boxes, track('soun')));
		expect(durationSecondsOf(movie(mvhd(0, 600, 1530)), M4A)).toBe(2.6);
		expect(durationSecondsOf(movie(mvhd(1, 48000, 48000 * 3 * 3600)), M4A)).toBe(10800);
		const fragmented = box('mvex', box('mehd', [0, 0, 0, 0], u32be(4500)));
		expect(durationSecondsOf(movie(mvhd(0, 1000, 0), fragmented), M4A)).toBe(4.5);
		expect(durationSecondsOf(movie(mvhd(0, 1000, 0)), M4A)).toBeNull();
		expect(durationSecondsOf(movie(mvhd(0, 0, 1000)), M4A)).toBeNull();
	});

	it('reads a float32 WebM duration with its own or the default timecode scale', () => {
		const tracks = [AUDIO_TRACK];
		expect(durationSecondsOf(webmFile({ trackTypes: tracks, durationFloat32: 2500 }), WEBM)).toBe(2.5);
		const scaled = webmFile({ trackTypes: tracks, durationFloat32: 250, timecodeScale: 10_000_000 });
		expect(durationSecondsOf(scaled, WEBM)).toBe(2.5);
		expect(durationSecondsOf(webmFile({ trackTypes: tracks }), WEBM)).toBeNull();
	});
});

describe('durationSecondsOf with damaged files', () => {
	const names = [
		['tone-cbr.mp3', 2],
		['tone-plain.mp3', 2.1],
		['tone.m4a', 2],
		['tone.opus', 2],
		['tone.ogg', 2],
		['tone.webm', 2],
		['tone-streamed.webm', 2],
		['clip.mp4', 1],
		['clip-vp9.webm', 1]
	] as const;

	it.each(names)('reads %s cut short as shorter or unknown, without throwing', (name, full) => {
		const bytes = fixture(name);
		const type = mediaTypeOf(bytes);
		expect(type).not.toBeNull();
		if (!type) return;
		for (const fraction of [0, 0.01, 0.1, 0.5, 0.9, 0.99]) {
			const seconds = durationSecondsOf(bytes.subarray(0, Math.floor(bytes.length * fraction)), type);
			expect(seconds === null || (seconds > 0 && seconds <= full + 0.15)).toBe(true);
		}
	});

	it('reads noise as unknown for every kind of media', () => {
		const noise = new Uint8Array(4096).map((_, index) => (index * 7919) % 251);
		for (const type of [MP3, M4A, WEBM]) expect(durationSecondsOf(noise, type)).toBeNull();
		expect(durationSecondsOf(new Uint8Array(4096).fill(0xff), MP3)).toBeNull();
	});
});
