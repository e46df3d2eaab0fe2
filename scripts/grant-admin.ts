// npm run admin:grant -- someone@example.org — the first administrator of a new portal, given by
// whoever runs the server (there is nobody yet to grant it in the app). Written to the audit log.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../src/lib/server/audit/record';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { user, userRole } from '../src/lib/server/db/schema';
import { targetOf } from '../src/lib/server/db/setup';
import { loadEnv } from './load-env.js';

loadEnv();
const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
	console.error('Usage: npm run admin:grant -- someone@example.org (who has signed up already)');
	process.exit(2);
}
const database = await openDatabase(targetOf(readConfig()), 1);
try {
	const [person] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, email));
	if (!person) {
		console.error(`Nobody has signed up as ${email} yet.`);
		process.exitCode = 1;
	} else {
		await database.db.transaction(async (tx) => {
			await tx.insert(userRole).values({ userId: person.id, role: 'admin' }).onConflictDoNothing();
			await recordAudit(tx, {
				actorId: null,
				action: 'role.grant',
				subjectType: 'user',
				subjectId: person.id,
				after: { role: 'admin', by: 'command line' }
			});
		});
		console.log(`${email} is an administrator.`);
	}
} finally {
	await database.close();
}
