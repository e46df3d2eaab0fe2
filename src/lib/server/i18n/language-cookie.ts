import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, type Locale } from '$lib/paraglide/runtime';

/** The device remembers the language (Paraglide's cookie), for when nobody is signed in. */
export function rememberLanguage(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
}
