// No I, O, 0 or 1: a code read aloud or typed at the desk is never ambiguous.
export const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BOOKING_CODE_LENGTH = 6;

const BOOKING_CODE = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`);

/** What a person typed at the desk, as a code: case and separators do not matter. */
export function normalizeBookingCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether what was typed or scanned is a booking code, however written. */
export const looksLikeBookingCode = (typed: string) => BOOKING_CODE.test(normalizeBookingCode(typed));
