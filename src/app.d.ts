import type { Actor } from '$lib/server/auth/permissions';
import type { Locale } from '$lib/paraglide/runtime';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			/** The signed-in person, or null for a visitor. */
			person: {
				id: string;
				name: string;
				email: string;
				locale: Locale;
			} | null;
			/** What permission checks see; null when signed out. */
			actor: Actor | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
		interface PageData {
			person: App.Locals['person'];
			isStaff: boolean;
			cityName: string;
			timeZone: string;
		}
	}
}

export {};
