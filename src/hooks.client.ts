import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// The server already decided the language and wrote it into <html lang>; the browser follows it.
defineCustomClientStrategy('custom-account', {
	getLocale: () => document.documentElement.lang || undefined,
	setLocale: () => {}
});
