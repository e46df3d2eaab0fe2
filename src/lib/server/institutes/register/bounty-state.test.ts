import { describe, expect, it } from 'vitest';
import { bountyState } from './bounty-state';

describe('bountyState', () => {
	it('is open with no application, or only drafts, refusals and withdrawals', () => {
		expect(bountyState([])).toBe('open');
		expect(bountyState(['draft', 'rejected', 'withdrawn'])).toBe('open');
	});

	it.each(['submitted', 'in_review', 'changes_requested', 'resubmitted'] as const)(
		'is claimed while an application is %s',
		(status) => {
			expect(bountyState(['draft', status, 'rejected'])).toBe('claimed');
		}
	);

	it('is awarded once an application is accepted, whatever else is under way', () => {
		expect(bountyState(['in_review', 'accepted', 'draft'])).toBe('awarded');
		expect(bountyState(['accepted'])).toBe('awarded');
	});
});
