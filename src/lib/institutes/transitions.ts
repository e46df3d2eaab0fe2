/** The life of an application, after démarches-simplifiées and Hypha. */
export const applicationStatuses = [
	'draft',
	'submitted',
	'in_review',
	'changes_requested',
	'resubmitted',
	'accepted',
	'rejected',
	'withdrawn'
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Applications that still count as the applicant's one open application to a programme. */
export const openStatuses = [
	'draft',
	'submitted',
	'in_review',
	'changes_requested',
	'resubmitted'
] as const satisfies ApplicationStatus[];

/**
 * Every move allowed, by whom. Anything not listed is refused: a decision is final, a withdrawn
 * application stays withdrawn, and nothing is decided before someone has read it.
 */
export const transitions = {
	submit: { from: ['draft'], to: 'submitted', by: 'applicant' },
	start_review: { from: ['submitted'], to: 'in_review', by: 'reviewer' },
	request_changes: { from: ['in_review', 'resubmitted'], to: 'changes_requested', by: 'reviewer' },
	resubmit: { from: ['changes_requested'], to: 'resubmitted', by: 'applicant' },
	accept: { from: ['in_review', 'resubmitted'], to: 'accepted', by: 'reviewer' },
	reject: { from: ['in_review', 'resubmitted'], to: 'rejected', by: 'reviewer' },
	withdraw: { from: openStatuses, to: 'withdrawn', by: 'applicant' }
} as const satisfies Record<
	string,
	{ from: readonly ApplicationStatus[]; to: ApplicationStatus; by: 'applicant' | 'reviewer' }
>;
export type Transition = keyof typeof transitions;

/** Where the transition leads from this status, or null when it is not allowed from there. */
export function nextStatus(transition: Transition, from: ApplicationStatus): ApplicationStatus | null {
	const rule = transitions[transition];
	return (rule.from as readonly ApplicationStatus[]).includes(from) ? rule.to : null;
}

/** The moves open to the applicant or to a reviewer from a status, in the order they are offered. */
export function availableTransitions(from: ApplicationStatus, by: 'applicant' | 'reviewer'): Transition[] {
	return (Object.keys(transitions) as Transition[]).filter(
		(name) => transitions[name].by === by && nextStatus(name, from) !== null
	);
}
