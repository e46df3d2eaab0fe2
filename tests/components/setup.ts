import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach, beforeEach } from 'vitest';
// The same language rule as in the browser: follow <html lang>, which the server sets.
import '../../src/hooks.client';

beforeEach(() => {
	document.documentElement.lang = 'fr';
});
afterEach(cleanup);
