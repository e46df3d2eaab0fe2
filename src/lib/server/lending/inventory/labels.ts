import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { parseInput } from '../../forms';
import { qrDataUrl } from '../booking-qr';
import { unitsById } from './units';

/** Ten A4 pages of 24 labels: more at once is a print job to split. */
export const MAX_LABELS = 240;

const labelRequestSchema = z.object({
	unit: z
		.array(z.uuid({ error: () => m.labels_unknown_unit() }))
		.min(1, { error: () => m.labels_none_selected() })
		.max(MAX_LABELS, { error: () => m.labels_too_many({ max: MAX_LABELS }) })
});

/** The asset label's link: the desk opens the unit's current loan from it. */
export const assetLink = (tag: string, origin: string) =>
	`${origin}/admin/desk?tag=${encodeURIComponent(tag)}`;

/** Labels for the chosen units: a QR code of the desk link, the asset tag, the model and the site. */
export async function labelSheet(db: Database, actor: Actor | null, input: unknown, origin: string) {
	authorize(actor, 'inventory.manage');
	const { unit: ids } = parseInput(labelRequestSchema, input);
	const units = await unitsById(db, ids);
	return Promise.all(
		// A label is small: a one-module quiet zone leaves the code as large as it can be.
		units.map(async (unit) => ({ ...unit, qr: await qrDataUrl(assetLink(unit.assetTag, origin), 1) }))
	);
}
