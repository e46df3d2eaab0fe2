const KEY = 'walk.autoplay';

/** Auto-play stays off until the person turns it on; the choice is kept on the phone. */
export function readAutoplay(): boolean {
	try {
		return localStorage.getItem(KEY) === 'on';
	} catch {
		// Storage can be blocked (private modes, strict settings): then it is simply off.
		return false;
	}
}

export function saveAutoplay(on: boolean): void {
	try {
		localStorage.setItem(KEY, on ? 'on' : 'off');
	} catch {
		// Not kept beyond this visit when storage is blocked; the checkbox still works.
	}
}
