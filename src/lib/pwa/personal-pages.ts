const FLAG = 'commons:signed-in';
export const FORGET_PAGES = 'forget-personal-pages';

/**
 * Pages seen while signed in stay readable offline; once the person is signed out (by choice,
 * deletion or expiry) the service worker forgets them, so a shared phone shows nobody's bookings.
 */
export function followSignInState(signedIn: boolean): void {
	if (signedIn) {
		localStorage.setItem(FLAG, '1');
		return;
	}
	if (localStorage.getItem(FLAG) !== '1') return;
	localStorage.removeItem(FLAG);
	navigator.serviceWorker?.ready
		.then((registration) => registration.active?.postMessage({ type: FORGET_PAGES }))
		.catch(() => {});
}

export const KEEP_PAGE = 'keep-page-offline';

/**
 * A page reached by an in-app link never loads as a document, so the service worker has no copy
 * of it to show offline; this asks it to fetch and keep one (bookings and their QR codes).
 */
export function keepForOffline(path: string): void {
	navigator.serviceWorker?.ready
		.then((registration) => registration.active?.postMessage({ type: KEEP_PAGE, path }))
		.catch(() => {});
}
