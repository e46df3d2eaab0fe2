import { randomInt } from 'node:crypto';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '../../lending/booking-code-format';

export { normalizeBookingCode } from '../../lending/booking-code-format';

export function newBookingCode(): string {
	return Array.from(
		{ length: BOOKING_CODE_LENGTH },
		() => BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)]
	).join('');
}
