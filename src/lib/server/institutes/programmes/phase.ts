/** Where a programme stands on the city's clock: not open yet, taking applications, or closed. */
export type ProgrammePhase = 'upcoming' | 'open' | 'past';

export function phaseOf(programme: { opensAt: Date; closesAt: Date | null }, now: Date): ProgrammePhase {
	if (programme.opensAt.getTime() > now.getTime()) return 'upcoming';
	if (programme.closesAt && programme.closesAt.getTime() <= now.getTime()) return 'past';
	return 'open';
}

/** Programmes sorted into the three phases, each keeping the order it was given. */
export function byPhase<P extends { opensAt: Date; closesAt: Date | null }>(programmes: P[], now: Date) {
	const phases: Record<ProgrammePhase, P[]> = { open: [], upcoming: [], past: [] };
	for (const programme of programmes) phases[phaseOf(programme, now)].push(programme);
	return phases;
}
