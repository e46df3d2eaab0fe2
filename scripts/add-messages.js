// Adds messages to messages/fr.json and messages/en.json: `node scripts/add-messages.js new.json`
// where new.json is { "key": { "fr": "…", "en": "…" } }. A lock file lets several editors add at once.
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const LOCK = 'messages/.lock';
const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function withLock(work) {
	for (let attempt = 0; attempt < 200; attempt++) {
		try {
			closeSync(openSync(LOCK, 'wx'));
			try {
				return work();
			} finally {
				rmSync(LOCK);
			}
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
		}
	}
	throw new Error(`${LOCK} stays locked; remove it if no one is adding messages`);
}

withLock(() => {
	for (const locale of ['fr', 'en']) {
		const path = `messages/${locale}.json`;
		const messages = JSON.parse(readFileSync(path, 'utf8'));
		for (const [key, texts] of Object.entries(additions)) {
			if (typeof texts[locale] !== 'string') throw new Error(`${key} has no ${locale} text`);
			messages[key] = texts[locale];
		}
		writeFileSync(path, JSON.stringify(messages, null, '\t') + '\n');
	}
});
console.log(`added ${Object.keys(additions).length} messages`);
