import type { FormValues } from './draft-values';

/** A draft as this device last had it: what was typed, on which server revision, and whether it is sent. */
export type LocalDraft = {
	revision: number;
	title: string;
	values: FormValues;
	publishFields: string[];
	publishName: boolean;
	/** True until the server has accepted these words. */
	dirty: boolean;
};

const keyOf = (applicationId: string) => `commons-portal:application-draft:${applicationId}`;

function isLocalDraft(value: unknown): value is LocalDraft {
	if (typeof value !== 'object' || value === null) return false;
	const draft = value as Record<string, unknown>;
	return (
		typeof draft.revision === 'number' &&
		typeof draft.title === 'string' &&
		typeof draft.values === 'object' &&
		draft.values !== null &&
		Array.isArray(draft.publishFields) &&
		typeof draft.dirty === 'boolean'
	);
}

/** The copy kept on this device, if there is a readable one. */
export function readLocalDraft(applicationId: string): LocalDraft | null {
	try {
		const stored = localStorage.getItem(keyOf(applicationId));
		const parsed: unknown = stored ? JSON.parse(stored) : null;
		return isLocalDraft(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

/** Keeps the copy on this device; false when the browser refuses (private mode, full storage). */
export function writeLocalDraft(applicationId: string, draft: LocalDraft): boolean {
	try {
		localStorage.setItem(keyOf(applicationId), JSON.stringify(draft));
		return true;
	} catch {
		return false;
	}
}

export function clearLocalDraft(applicationId: string) {
	try {
		localStorage.removeItem(keyOf(applicationId));
	} catch {
		// Nothing kept, nothing to clear.
	}
}
