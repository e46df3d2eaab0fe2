import { dev } from '$app/environment';

export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator)) return;
	navigator.serviceWorker
		.register('/service-worker.js', { type: dev ? 'module' : 'classic' })
		.catch((error: unknown) => console.warn('service worker registration failed', error));
}
