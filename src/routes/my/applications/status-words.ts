import { m } from '$lib/paraglide/messages';
import type { ApplicationStatus } from '$lib/institutes/transitions';

/** Each status in words, as the applicant reads it. */
export const statusWords: Record<ApplicationStatus, () => string> = {
	draft: m.application_status_draft,
	submitted: m.application_status_submitted,
	in_review: m.application_status_in_review,
	changes_requested: m.application_status_changes_requested,
	resubmitted: m.application_status_resubmitted,
	accepted: m.application_status_accepted,
	rejected: m.application_status_rejected,
	withdrawn: m.application_status_withdrawn
};

/** What happens next, in plain words, for each status. */
export const nextWords: Record<ApplicationStatus, () => string> = {
	draft: m.application_next_draft,
	submitted: m.application_next_submitted,
	in_review: m.application_next_in_review,
	changes_requested: m.application_next_changes_requested,
	resubmitted: m.application_next_resubmitted,
	accepted: m.application_next_accepted,
	rejected: m.application_next_rejected,
	withdrawn: m.application_next_withdrawn
};
