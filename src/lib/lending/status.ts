import { m } from '$lib/paraglide/messages';

export type BookingStatus =
	'requested' | 'confirmed' | 'checked_out' | 'returned' | 'cancelled' | 'rejected' | 'no_show';

const labels: Record<BookingStatus, () => string> = {
	requested: m.booking_status_requested,
	confirmed: m.booking_status_confirmed,
	checked_out: m.booking_status_checked_out,
	returned: m.booking_status_returned,
	cancelled: m.booking_status_cancelled,
	rejected: m.booking_status_rejected,
	no_show: m.booking_status_no_show
};

export const statusLabel = (status: BookingStatus) => labels[status]();
