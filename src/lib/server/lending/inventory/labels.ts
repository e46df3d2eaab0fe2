import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import QRCode from 'qrcode';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { LocalizedText } from '../../../i18n/localized-text';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { parseInput } from '../../forms';
import { equipmentModel, equipmentUnit } from '../equipment.table';
import { site } from '../sites.table';

/** Ten A4 pages of 24 labels: more at once is a print job to split. */
export const MAX_LABELS = 240;

const unitFilterSchema = z.object({
	site: z.string().trim().max(100).optional(),
	model: z.string().trim().max(100).optional()
});

const labelRequestSchema = z.object({
	unit: z
		.array(z.uuid({ error: () => m.labels_unknown_unit() }))
		.min(1, { error: () => m.labels_none_selected() })
		.max(MAX_LABELS, { error: () => m.labels_too_many({ max: MAX_LABELS }) })
});

type UnitRow = { id: string; assetTag: string; status: string; model: LocalizedText; site: string };

function readUnits(db: Database, where: SQL | undefined): Promise<UnitRow[]> {
	return db
		.select({
			id: equipmentUnit.id,
			assetTag: equipmentUnit.assetTag,
			status: equipmentUnit.status,
			model: equipmentModel.name,
			site: site.name
		})
		.from(equipmentUnit)
		.innerJoin(equipmentModel, eq(equipmentModel.id, equipmentUnit.modelId))
		.innerJoin(site, eq(site.id, equipmentUnit.siteId))
		.where(where)
		.orderBy(asc(site.name), asc(equipmentUnit.assetTag));
}

/** Units to choose labels from, by site and model, with the sites and models to filter on. */
export async function listUnitsForLabels(db: Database, actor: Actor | null, input: unknown) {
	authorize(actor, 'inventory.manage');
	const filter = parseInput(unitFilterSchema, input);
	const [sites, models, units] = await Promise.all([
		db.select({ slug: site.slug, name: site.name }).from(site).orderBy(asc(site.name)),
		db
			.select({ slug: equipmentModel.slug, name: equipmentModel.name })
			.from(equipmentModel)
			.orderBy(asc(equipmentModel.slug)),
		readUnits(
			db,
			and(
				filter.site ? eq(site.slug, filter.site) : undefined,
				filter.model ? eq(equipmentModel.slug, filter.model) : undefined
			)
		)
	]);
	return { filter, sites, models, units };
}

/** The asset label's link: the desk opens the unit's current loan from it. */
export const assetLink = (tag: string, origin: string) =>
	`${origin}/admin/desk?tag=${encodeURIComponent(tag)}`;

/** Labels for the chosen units: a QR code of the desk link, the asset tag and the model. */
export async function labelSheet(db: Database, actor: Actor | null, input: unknown, origin: string) {
	authorize(actor, 'inventory.manage');
	const { unit: ids } = parseInput(labelRequestSchema, input);
	const units = await readUnits(db, inArray(equipmentUnit.id, ids));
	return Promise.all(
		units.map(async (unit) => {
			const svg = await QRCode.toString(assetLink(unit.assetTag, origin), {
				type: 'svg',
				margin: 1,
				errorCorrectionLevel: 'M'
			});
			return { ...unit, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
		})
	);
}
