import type { Database } from '../../db/client';
import { computeMonthlyUse, monthOf } from './monthly-use';

/**
 * Lending figures for everyone: the same month as staff see, without names (there are none in the
 * report) and with the small counts hidden by the CSV writer. A public read: no permission.
 */
export async function openLendingUse(
	db: Database,
	input: unknown,
	context: { now: () => Date; timeZone: string }
) {
	return computeMonthlyUse(db, monthOf(input, context), context);
}
