import { m } from '$lib/paraglide/messages';
import type { BountyState } from '$lib/server/institutes/register/bounty-state';

const kinds = {
	award: m.ledger_kind_award,
	contribution: m.ledger_kind_contribution,
	reversal: m.ledger_kind_reversal
};

export const kindLabel = (kind: keyof typeof kinds) => kinds[kind]();

const states = {
	open: m.bounty_state_open,
	claimed: m.bounty_state_claimed,
	awarded: m.bounty_state_awarded
};

export const bountyStateLabel = (state: BountyState) => states[state]();
