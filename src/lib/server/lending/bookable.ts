import { and, eq, inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../i18n/localized-text';
import type { Database } from '../db/client';
import { trainingModule } from '../learning/modules.table';
import { equipmentModel, equipmentUnit, kit, kitItem } from './equipment.table';
import { strictestPolicy, type LoanPolicy } from './rules';
import { site, siteClosure, siteOpeningHours } from './sites.table';
import type { SiteSchedule } from './rules';

/** What a resident books: one model, or a kit of several models at its site. */
export type Bookable = {
	kind: 'model' | 'kit';
	id: string;
	slug: string;
	name: LocalizedText;
	policy: LoanPolicy;
	approvalRequired: boolean;
	requiredModules: { id: string; slug: string; title: LocalizedText }[];
	lines: { modelId: string; quantity: number; bufferMinutes: number }[];
	/** Kits are lent at their own site only; a model wherever it has units. */
	kitSiteId: string | null;
};

const modelFields = {
	id: equipmentModel.id,
	slug: equipmentModel.slug,
	name: equipmentModel.name,
	maxLoanDays: equipmentModel.maxLoanDays,
	maxAdvanceDays: equipmentModel.maxAdvanceDays,
	bufferMinutes: equipmentModel.bufferMinutes,
	approvalRequired: equipmentModel.approvalRequired,
	requiredModuleId: equipmentModel.requiredModuleId
};

async function modulesByIds(db: Database, ids: (string | null)[]) {
	const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
	if (wanted.length === 0) return [];
	return db
		.select({ id: trainingModule.id, slug: trainingModule.slug, title: trainingModule.title })
		.from(trainingModule)
		.where(inArray(trainingModule.id, wanted));
}

export async function findBookable(db: Database, slug: string): Promise<Bookable | undefined> {
	const [model] = await db.select(modelFields).from(equipmentModel).where(eq(equipmentModel.slug, slug));
	if (model) {
		return {
			kind: 'model',
			id: model.id,
			slug: model.slug,
			name: model.name,
			policy: model,
			approvalRequired: model.approvalRequired,
			requiredModules: await modulesByIds(db, [model.requiredModuleId]),
			lines: [{ modelId: model.id, quantity: 1, bufferMinutes: model.bufferMinutes }],
			kitSiteId: null
		};
	}
	const [found] = await db.select().from(kit).where(eq(kit.slug, slug));
	if (!found) return undefined;
	const items = await db
		.select({ ...modelFields, quantity: kitItem.quantity })
		.from(kitItem)
		.innerJoin(equipmentModel, eq(equipmentModel.id, kitItem.modelId))
		.where(eq(kitItem.kitId, found.id));
	if (items.length === 0) return undefined;
	return {
		kind: 'kit',
		id: found.id,
		slug: found.slug,
		name: found.name,
		policy: strictestPolicy(items),
		approvalRequired: items.some((item) => item.approvalRequired),
		requiredModules: await modulesByIds(
			db,
			items.map((item) => item.requiredModuleId)
		),
		lines: items.map((item) => ({
			modelId: item.id,
			quantity: item.quantity,
			bufferMinutes: item.bufferMinutes
		})),
		kitSiteId: found.siteId
	};
}

export type LendingSite = { id: string; slug: string; name: string; address: string };

/** The sites where an item can be picked up: those holding units in service (a kit: its own site). */
export async function sitesLending(db: Database, item: Bookable): Promise<LendingSite[]> {
	const fields = { id: site.id, slug: site.slug, name: site.name, address: site.address };
	if (item.kitSiteId) return db.select(fields).from(site).where(eq(site.id, item.kitSiteId));
	return db
		.selectDistinct(fields)
		.from(site)
		.innerJoin(equipmentUnit, eq(equipmentUnit.siteId, site.id))
		.where(
			and(
				inArray(
					equipmentUnit.modelId,
					item.lines.map((line) => line.modelId)
				),
				eq(equipmentUnit.status, 'in_service')
			)
		)
		.orderBy(site.name);
}

/** Opening hours and closures of several sites at once, by site id. */
export async function schedulesOf(db: Database, siteIds: string[]): Promise<Map<string, SiteSchedule>> {
	const schedules = new Map<string, SiteSchedule>(siteIds.map((id) => [id, { hours: [], closures: [] }]));
	if (siteIds.length === 0) return schedules;
	const [hours, closures] = await Promise.all([
		db.select().from(siteOpeningHours).where(inArray(siteOpeningHours.siteId, siteIds)),
		db.select().from(siteClosure).where(inArray(siteClosure.siteId, siteIds))
	]);
	for (const { siteId, weekday, opensAt, closesAt } of hours) {
		schedules.get(siteId)?.hours.push({ weekday, opensAt, closesAt });
	}
	for (const { siteId, startsOn, endsOn } of closures)
		schedules.get(siteId)?.closures.push({ startsOn, endsOn });
	return schedules;
}

export async function scheduleOf(db: Database, siteId: string): Promise<SiteSchedule> {
	return (await schedulesOf(db, [siteId])).get(siteId) ?? { hours: [], closures: [] };
}
