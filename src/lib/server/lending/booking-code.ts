import { randomInt } from 'node:crypto';

// No I, O, 0 or 1: a code read aloud or typed at the desk is never ambiguous.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BOOKING_CODE_LENGTH = 6;

export function newBookingCode(): string {
	return Array.from({ length: BOOKING_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** What a person typed at the desk, as a code: case and separators do not matter. */
export function normalizeBookingCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}
