import pino from 'pino';
import { config } from './config';

/** JSON lines on stdout; one logger for the whole server. */
export const log = pino({
	level: config().logLevel,
	base: { service: 'commons-portal' },
	redact: { paths: ['*.password', '*.token', '*.cookie', '*.authorization'], censor: '[redacted]' }
});
