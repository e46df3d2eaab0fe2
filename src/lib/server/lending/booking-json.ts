import type { BookingView } from './booking-views';

/** A booking as the API shows it. */
export function bookingJson(view: BookingView) {
	return {
		id: view.id,
		code: view.code,
		status: view.status,
		start: view.start.toISOString(),
		end: view.end.toISOString(),
		site: view.site.slug,
		equipment: view.equipment.slug,
		kind: view.equipment.kind,
		units: view.units.map((unit) => ({ assetTag: unit.assetTag })),
		note: view.note,
		overdue: view.overdue,
		createdAt: view.createdAt.toISOString()
	};
}
