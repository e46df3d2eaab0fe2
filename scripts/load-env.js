import { existsSync } from 'node:fs';

/** Reads ./.env when there is one; variables already in the environment win. */
export function loadEnv() {
	if (existsSync('.env')) process.loadEnvFile('.env');
}
