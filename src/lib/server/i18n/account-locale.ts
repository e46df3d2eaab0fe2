import { defineCustomServerStrategy, type Locale } from '$lib/paraglide/runtime';

// The session hook runs before the language hook and leaves the account's language here,
// keyed by the request object, for Paraglide's first strategy to find.
const accountLocales = new WeakMap<Request, Locale>();

export function rememberAccountLocale(request: Request, locale: Locale): void {
	accountLocales.set(request, locale);
}

defineCustomServerStrategy('custom-account', {
	getLocale: (request) => (request ? accountLocales.get(request) : undefined)
});
