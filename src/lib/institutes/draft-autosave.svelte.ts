import { deserialize } from '$app/forms';
import { readLocalDraft, writeLocalDraft, type LocalDraft } from './draft-store';
import { answerName, type FormValues } from './draft-values';

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'conflict' | 'invalid' | 'error';
export type DraftWords = Omit<LocalDraft, 'revision' | 'dirty'>;
export type ServerCopy = { revision: number; title: string; values: FormValues };

const DEBOUNCE_MS = 1000;
const RETRY_MS = 15_000;
const wordsOf = (draft: DraftWords) =>
	JSON.stringify([draft.title, draft.values, [...draft.publishFields].sort(), draft.publishName]);

function bodyOf(draft: LocalDraft): FormData {
	const body = new FormData();
	body.set('revision', String(draft.revision));
	body.set('title', draft.title);
	for (const [key, value] of Object.entries(draft.values))
		for (const item of Array.isArray(value) ? value : [value]) body.append(answerName(key), item);
	for (const key of draft.publishFields) body.append('publish', key);
	if (draft.publishName) body.set('publishName', 'on');
	return body;
}

/**
 * Saves a draft as the person types: every change is written to this device first, then sent
 * about a second later. A change the server has not accepted stays on the device (offline, an
 * error, a newer copy from another device) and is sent again when the network returns.
 */
export class DraftAutosave {
	state = $state<SaveState>('idle');
	/** When the server last accepted the words (ISO 8601). */
	savedAt = $state<string | null>(null);
	revision = $state(0);
	conflict = $state<ServerCopy | null>(null);
	errors = $state<Record<string, string>>({});
	#timer: ReturnType<typeof setTimeout> | undefined;
	#sending: Promise<void> | null = null;
	#again = false;

	constructor(
		private readonly id: string,
		revision: number,
		private readonly action: string
	) {
		this.revision = revision;
	}

	/** Whether this device holds words the server has not accepted yet. */
	get dirty() {
		return readLocalDraft(this.id)?.dirty ?? false;
	}

	/** Records a change on the device at once and sends it after a pause in typing. */
	change(words: DraftWords) {
		const kept = readLocalDraft(this.id);
		const revision = kept?.dirty ? kept.revision : this.revision;
		writeLocalDraft(this.id, { ...words, revision, dirty: true });
		clearTimeout(this.#timer);
		if (!navigator.onLine) this.state = 'offline';
		this.#timer = setTimeout(() => void this.sync(), DEBOUNCE_MS);
	}

	/** Sends what the device holds, if anything; resolves when the server has answered. */
	async sync(): Promise<void> {
		clearTimeout(this.#timer);
		const local = readLocalDraft(this.id);
		if (!local?.dirty || this.conflict) return;
		if (!navigator.onLine) {
			this.state = 'offline';
			return;
		}
		if (this.#sending) {
			this.#again = true;
			return this.#sending;
		}
		this.state = 'saving';
		this.#sending = this.#send(local).finally(() => {
			this.#sending = null;
			if (this.#again) {
				this.#again = false;
				void this.sync();
			}
		});
		return this.#sending;
	}

	/** Sends what is waiting and resolves once no save is on its way, follow-up saves included. */
	async settle(): Promise<void> {
		await this.sync();
		while (this.#sending) await this.#sending;
	}

	/** Keeps this device's words over the newer copy: they are sent on top of it. */
	keepMine() {
		const local = readLocalDraft(this.id);
		if (!local || !this.conflict) return;
		writeLocalDraft(this.id, { ...local, revision: this.conflict.revision, dirty: true });
		this.revision = this.conflict.revision;
		this.conflict = null;
		void this.sync();
	}

	/** Takes the newer copy; the caller puts its words in the form. */
	takeTheirs(words: DraftWords) {
		if (!this.conflict) return;
		this.revision = this.conflict.revision;
		writeLocalDraft(this.id, { ...words, revision: this.revision, dirty: false });
		this.conflict = null;
		this.state = 'idle';
	}

	/** After the page's own form was accepted: the server holds these words at `revision`. */
	settled(revision: number) {
		this.revision = revision;
		const local = readLocalDraft(this.id);
		if (local) writeLocalDraft(this.id, { ...local, revision, dirty: false });
	}

	/** A newer copy than the one this page was drawn from, with this device's words kept. */
	conflictWith(copy: ServerCopy) {
		this.conflict = copy;
		this.state = 'conflict';
	}

	async #send(local: LocalDraft) {
		let result;
		try {
			const response = await fetch(this.action, {
				method: 'POST',
				body: bodyOf(local),
				headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
			});
			result = deserialize(await response.text());
		} catch {
			this.state = 'offline';
			this.#retryLater();
			return;
		}
		if (result.type === 'success') {
			const saved = result.data?.saved as { revision: number; at: string } | undefined;
			if (!saved) return void (this.state = 'error');
			this.revision = saved.revision;
			this.savedAt = saved.at;
			this.errors = {};
			const now = readLocalDraft(this.id);
			const unchanged = now !== null && wordsOf(now) === wordsOf(local);
			if (now) writeLocalDraft(this.id, { ...now, revision: saved.revision, dirty: !unchanged });
			if (!unchanged) this.#again = true;
			this.state = 'saved';
		} else if (result.type === 'failure' && result.status === 409 && result.data?.conflict) {
			this.conflictWith(result.data.conflict as ServerCopy);
		} else if (result.type === 'failure' && result.status === 400) {
			this.errors = (result.data?.errors as Record<string, string> | undefined) ?? {};
			this.state = 'invalid';
		} else {
			this.state = 'error';
			this.#retryLater();
		}
	}

	#retryLater() {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.sync(), RETRY_MS);
	}
}
