import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
	it('runs on the embedded database in ./data with the Brest defaults', () => {
		const settings = readConfig({});
		expect(settings.databaseUrl).toBeUndefined();
		expect(settings.pgliteDir).toBe('./data/pglite');
		expect(settings.timeZone).toBe('Europe/Paris');
		expect(settings.cityName).toBe('Brest');
		expect(settings.seedDemo).toBe(true);
	});

	it('never seeds the demo on a database server unless asked to', () => {
		expect(readConfig({ DATABASE_URL: 'postgres://db.example/portal' }).seedDemo).toBe(false);
		expect(readConfig({ DATABASE_URL: 'postgres://db.example/portal', SEED_DEMO: 'true' }).seedDemo).toBe(
			true
		);
		expect(readConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
	});

	it('treats empty variables as unset and trims the trailing slash of the origin', () => {
		const settings = readConfig({ DATABASE_URL: '', ORIGIN: 'https://communs.example.fr/' });
		expect(settings.databaseUrl).toBeUndefined();
		expect(settings.origin).toBe('https://communs.example.fr');
	});

	it('names the variable that is wrong', () => {
		expect(() => readConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
		expect(() => readConfig({ BETTER_AUTH_SECRET: 'short' })).toThrow(/BETTER_AUTH_SECRET/);
		expect(() => readConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
	});
});

describe('the lending clock and media settings', () => {
	it('keeps photos under the data directory and starts the clock only when told', async () => {
		const settings = readConfig({ DATA_DIR: '/srv/portal' });
		expect(settings.mediaDir).toBe('/srv/portal/media');
		expect(settings.photoMaxBytes).toBe(15_000_000);
		expect(settings.clockStart).toBeUndefined();
		const { cityClock } = await import('./clock');
		const start = readConfig({ CLOCK_START: '2026-12-01T10:30:00+01:00' }).clockStart;
		const clock = cityClock(start);
		expect(Math.abs(clock().getTime() - Date.parse('2026-12-01T09:30:00Z'))).toBeLessThan(1000);
		expect(Math.abs(cityClock()().getTime() - Date.now())).toBeLessThan(1000);
		expect(() => readConfig({ CLOCK_START: 'tomorrow' })).toThrow(/CLOCK_START/);
	});
});
