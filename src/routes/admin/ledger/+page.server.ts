import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { reverseLedgerEntry } from '$lib/server/institutes/ledger/reverse-entry';
import { ledgerForStaff } from '$lib/server/institutes/ledger/staff-ledger';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const before = Number(url.searchParams.get('before'));
	try {
		return await ledgerForStaff(
			app().db,
			locals.actor,
			Number.isSafeInteger(before) && before > 0 ? before : null
		);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	reverse: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			const entry = await reverseLedgerEntry(app().db, locals.actor, fields, app().institutes().now());
			return { reversal: entry.seq, of: entry.reversesSeq };
		} catch (problem) {
			return formFailure(problem, fields);
		}
	}
};
