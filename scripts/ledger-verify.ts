// npm run ledger:verify — re-computes the benefit-sharing ledger's hash chain, against DATABASE_URL
// or the embedded PGlite in ./data. Exits 1 naming the first altered entry.
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { targetOf } from '../src/lib/server/db/setup';
import { verifyStoredLedger } from '../src/lib/server/institutes/ledger/read-ledger';
import { loadEnv } from './load-env.js';

const REASONS = {
	hash: 'its contents no longer match the hash recorded with it',
	link: 'it does not follow the entry before it (an entry was removed, inserted or reordered)'
};

loadEnv();
const database = await openDatabase(targetOf(readConfig()), 1);
try {
	const verdict = await verifyStoredLedger(database.db);
	if (verdict.ok) {
		console.log(`Ledger verified: ${verdict.entries} entries, head ${verdict.head}`);
	} else {
		console.error(
			`Ledger entry #${verdict.entry.seq} (${verdict.entry.id}) was altered: ${REASONS[verdict.reason]}. ` +
				`The ${verdict.entries} entries before it hold together.`
		);
		process.exitCode = 1;
	}
} finally {
	await database.close();
}
