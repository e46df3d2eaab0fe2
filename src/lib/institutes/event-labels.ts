import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

const labels: Record<string, (inputs: object, options: { locale?: Locale }) => string> = {
	submit: m.review_event_submit,
	start_review: m.review_event_start_review,
	request_changes: m.review_event_request_changes,
	resubmit: m.review_event_resubmit,
	accept: m.review_event_accept,
	reject: m.review_event_reject,
	withdraw: m.review_event_withdraw,
	reviewer_assigned: m.review_event_reviewer_assigned,
	reviewer_unassigned: m.review_event_reviewer_unassigned,
	conflict_declared: m.review_event_conflict_declared
};

/** What a timeline event means, in words; a kind this side does not know is shown as it is. */
export function eventLabel(kind: string, locale?: Locale): string {
	const label = labels[kind];
	return label ? label({}, locale ? { locale } : {}) : kind;
}
