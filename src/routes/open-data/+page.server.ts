import { app } from '$lib/server/app';
import { authLimits } from '$lib/server/auth/limits';
import { MAX_AVAILABILITY_DAYS } from '$lib/server/lending/detail';
import { apiExamples } from '$lib/server/openapi/examples';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db, settings } = app();
	return {
		origin: settings.origin,
		example: await apiExamples(db, { timeZone: settings.timeZone, now: new Date() }),
		limits: {
			signIn: authLimits.attemptsPerAddress,
			wrongPasswords: authLimits.failedPasswordsPerAccount,
			activeBookings: settings.activeBookingLimit,
			availabilityDays: MAX_AVAILABILITY_DAYS
		}
	};
};
