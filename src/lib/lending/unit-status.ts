import { m } from '$lib/paraglide/messages';

const labels = {
	in_service: m.unit_status_in_service,
	out_of_service: m.unit_status_out_of_service,
	retired: m.unit_status_retired
};

export const unitStatusLabel = (status: keyof typeof labels) => labels[status]();
