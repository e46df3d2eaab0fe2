import { describe, expect, it } from 'vitest';
import { Forbidden, NotSignedIn } from '../errors';
import { authorize, can, isStaff, type Actor, type Role } from './permissions';

const actor = (...roles: Role[]): Actor => ({ userId: 'u1', roles: new Set(['resident', ...roles]) });

describe('can', () => {
	it('refuses everything to a visitor who is not signed in', () => {
		expect(can(null, 'staff-area.enter')).toBe(false);
		expect(can(null, 'roles.manage')).toBe(false);
		expect(can(null, 'account.self')).toBe(false);
	});

	it('lets any staff role into the staff area, but not a resident', () => {
		expect(isStaff(actor())).toBe(false);
		for (const role of ['desk', 'moderator', 'reviewer', 'admin'] as const) {
			expect(isStaff(actor(role))).toBe(true);
		}
	});

	it('keeps people, roles and the outbox to admins', () => {
		for (const action of ['people.list', 'roles.manage', 'outbox.read'] as const) {
			expect(can(actor('desk', 'moderator', 'reviewer'), action)).toBe(false);
			expect(can(actor('admin'), action)).toBe(true);
		}
	});

	it('lets anyone signed in manage their own account', () => {
		expect(can(actor(), 'account.self')).toBe(true);
		expect(can(actor('admin'), 'account.self')).toBe(true);
	});
});

describe('authorize', () => {
	it('says "sign in" to a visitor and "forbidden" to the wrong role', () => {
		expect(() => authorize(null, 'roles.manage')).toThrow(NotSignedIn);
		expect(() => authorize(actor('desk'), 'roles.manage')).toThrow(Forbidden);
		expect(() => authorize(actor('admin'), 'roles.manage')).not.toThrow();
	});

	it('lets a resident read and cancel their own bookings, desk staff and admins anyone’s', () => {
		const own = { userId: 'u1' };
		const other = { userId: 'u2' };
		expect(can(actor(), 'bookings.read', own)).toBe(true);
		expect(can(actor(), 'bookings.cancel', own)).toBe(true);
		expect(can(actor(), 'bookings.read', other)).toBe(false);
		expect(can(actor('moderator', 'reviewer'), 'bookings.cancel', other)).toBe(false);
		expect(can(actor('moderator', 'reviewer'), 'bookings.list-all')).toBe(false);
		for (const role of ['desk', 'admin'] as const) {
			expect(can(actor(role), 'bookings.read', other)).toBe(true);
			expect(can(actor(role), 'bookings.cancel', other)).toBe(true);
			expect(can(actor(role), 'bookings.list-all')).toBe(true);
		}
		expect(can(null, 'bookings.create')).toBe(false);
		expect(can(null, 'bookings.own')).toBe(false);
		expect(can(actor(), 'bookings.own')).toBe(true);
	});
});
