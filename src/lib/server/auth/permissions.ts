import { Forbidden, NotSignedIn } from '../errors';

export const staffRoles = ['desk', 'moderator', 'reviewer', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];
export type Role = 'resident' | StaffRole;

/** The person behind a request, as permissions see them. Everyone signed in is a resident. */
export type Actor = { userId: string; roles: ReadonlySet<Role> };

/** The actor's place in a group, for group rules; null when they are not a member. */
export type GroupStanding = { role: 'owner' | 'editor' | 'member' | null };

/**
 * Why a reviewer may not judge an application: it is their own, it comes from a group they belong
 * to, or they declared a conflict of interest. Any of them keeps them off scoring and deciding.
 */
export type ReviewStanding = { conflicted: boolean };

const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((role) => actor.roles.has(role));

/**
 * Every rule of who may do what, in one place. A rule receives a signed-in actor; anonymous
 * visitors are refused before rules run, so public reads do not go through `can`.
 */
const rules = {
	'staff-area.enter': (actor: Actor) => hasRole(actor, ...staffRoles),
	'people.list': (actor: Actor) => hasRole(actor, 'admin'),
	'roles.manage': (actor: Actor) => hasRole(actor, 'admin'),
	'outbox.read': (actor: Actor) => hasRole(actor, 'admin'),
	// Account use cases act on the actor's own account only (they take no account id), so being
	// signed in is the whole rule; a staff role gives no way into someone else's account.
	'account.self': () => true,
	'learning.complete': () => true,
	'bookings.create': () => true,
	// A resident's own list, calendar feed and bookings (a booking's own check is bookings.read).
	'bookings.own': () => true,
	'waitlist.join': () => true,
	// Desk staff and admins see and act on anyone's booking; residents on their own.
	'bookings.read': (actor: Actor, booking: { userId: string | null }) =>
		booking.userId === actor.userId || hasRole(actor, 'desk', 'admin'),
	'bookings.cancel': (actor: Actor, booking: { userId: string | null }) =>
		booking.userId === actor.userId || hasRole(actor, 'desk', 'admin'),
	'bookings.list-all': (actor: Actor) => hasRole(actor, 'desk', 'admin'),
	// The lending desk: today's work, approvals, hand-out and return.
	'desk.work': (actor: Actor) => hasRole(actor, 'desk', 'admin'),
	'bookings.decide': (actor: Actor) => hasRole(actor, 'desk', 'admin'),
	// What staff did, for the people accountable for the service.
	'audit.read': (actor: Actor) => hasRole(actor, 'admin'),
	// Inventory and reports are the desk's daily tools as much as the administration's.
	'inventory.manage': (actor: Actor) => hasRole(actor, 'desk', 'admin'),
	'reports.read': (actor: Actor) => hasRole(actor, 'desk', 'admin'),
	// A training given in person at the desk counts like one passed online.
	'training.record': (actor: Actor) => hasRole(actor, 'desk', 'admin'),
	// Groups: anyone signed in founds one; the owner runs its membership; editors and the owner
	// write its projects and trails; every member reads its drafts, and so do moderators.
	'groups.create': () => true,
	'groups.join': () => true,
	'groups.leave': (_actor: Actor, standing: GroupStanding) => standing.role !== null,
	'groups.manage': (_actor: Actor, standing: GroupStanding) => standing.role === 'owner',
	'groups.edit-content': (_actor: Actor, standing: GroupStanding) =>
		standing.role === 'owner' || standing.role === 'editor',
	'groups.read-drafts': (actor: Actor, standing: GroupStanding) =>
		standing.role !== null || hasRole(actor, 'moderator', 'admin'),
	// Moderators decide what the public sees of the groups' projects and trails.
	'moderation.review': (actor: Actor) => hasRole(actor, 'moderator', 'admin'),
	// The institutes: admins write institutes' texts, programmes, forms and rubrics; anyone signed in
	// applies; reviewers read the applications, assign each other, and score and decide those they
	// have no conflict with; they also record pledges and contributions in the ledger.
	'institutes.manage': (actor: Actor) => hasRole(actor, 'admin'),
	'applications.apply': () => true,
	'applications.review': (actor: Actor) => hasRole(actor, 'reviewer', 'admin'),
	'applications.assign': (actor: Actor) => hasRole(actor, 'reviewer', 'admin'),
	'applications.judge': (actor: Actor, standing: ReviewStanding) =>
		hasRole(actor, 'reviewer', 'admin') && !standing.conflicted,
	'ledger.record': (actor: Actor) => hasRole(actor, 'reviewer', 'admin')
} as const;

export type Action = keyof typeof rules;
type SubjectOf<A extends Action> = Parameters<(typeof rules)[A]>[1];
type SubjectArgs<A extends Action> = SubjectOf<A> extends undefined ? [] : [subject: SubjectOf<A>];

export function can<A extends Action>(actor: Actor | null, action: A, ...[subject]: SubjectArgs<A>): boolean {
	if (!actor) return false;
	const rule = rules[action] as (actor: Actor, subject: SubjectOf<A> | undefined) => boolean;
	return rule(actor, subject);
}

/** Throws unless the actor may do the action: the first line of every guarded use case. */
export function authorize<A extends Action>(
	actor: Actor | null,
	action: A,
	...subject: SubjectArgs<A>
): asserts actor is Actor {
	if (!actor) throw new NotSignedIn();
	if (!can(actor, action, ...subject)) throw new Forbidden(action);
}

export function isStaff(actor: Actor | null): boolean {
	return can(actor, 'staff-area.enter');
}
