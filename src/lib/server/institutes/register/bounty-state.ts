import type { ApplicationStatus } from '../../../institutes/transitions';

export const bountyStates = ['open', 'claimed', 'awarded'] as const;
export type BountyState = (typeof bountyStates)[number];

/** Applications that hold a bounty while someone works on it and reviewers read it. */
const claiming: readonly ApplicationStatus[] = ['submitted', 'in_review', 'changes_requested', 'resubmitted'];

/**
 * A bounty is awarded once an application to it is accepted, claimed while one is under way, and
 * open otherwise: drafts, refusals and withdrawals leave it free for someone else.
 */
export function bountyState(statuses: Iterable<ApplicationStatus>): BountyState {
	let claimed = false;
	for (const status of statuses) {
		if (status === 'accepted') return 'awarded';
		if (claiming.includes(status)) claimed = true;
	}
	return claimed ? 'claimed' : 'open';
}
