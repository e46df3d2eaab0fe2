import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';

/**
 * The signing secret for sessions. On a database server it must be given (every instance needs
 * the same one); the embedded single-machine setup makes its own once and keeps it beside its data.
 */
export async function authSecret(settings: Pick<Config, 'authSecret' | 'databaseUrl' | 'dataDir'>) {
	if (settings.authSecret) return settings.authSecret;
	if (settings.databaseUrl) {
		throw new Error('BETTER_AUTH_SECRET must be set when the portal runs on a database server');
	}
	const file = join(settings.dataDir, 'auth-secret');
	try {
		return (await readFile(file, 'utf8')).trim();
	} catch {
		const secret = randomBytes(32).toString('base64url');
		await mkdir(settings.dataDir, { recursive: true });
		await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
		return (await readFile(file, 'utf8')).trim();
	}
}
