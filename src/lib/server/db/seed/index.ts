import { hashPassword } from 'better-auth/crypto';
import { count, inArray } from 'drizzle-orm';
import type { Database } from '../client';
import {
	account,
	equipmentCategory,
	equipmentModel,
	equipmentUnit,
	kit,
	kitItem,
	site,
	siteClosure,
	siteOpeningHours,
	trainingModule,
	user,
	userRole
} from '../schema';
import { demoCategories, demoKits, demoModels } from './equipment';
import { demoModules } from './modules';
import { DEMO_PASSWORD, demoPeople } from './people';
import { demoClosures, demoSites } from './sites';
import { seedTrails, type DemoMedia } from './trails';
import { seedInstitutes } from './institutes';
import { seedApplications } from './applications';

/** True when nobody has an account yet: the first start of a new portal. */
export async function isEmpty(db: Database): Promise<boolean> {
	const [row] = await db.select({ people: count() }).from(user);
	return (row?.people ?? 0) === 0;
}

/**
 * Seeds the Brest demo; running it again adds only what is missing. The trails' audio goes to
 * `media` (a throwaway directory when none is given, as in tests that only need the rows).
 */
export async function seedDemo(db: Database, media?: DemoMedia): Promise<void> {
	await db.transaction(async (tx) => {
		await seedPeople(tx);
		const modules = await seedModules(tx);
		const sites = await seedSites(tx);
		await seedEquipment(tx, sites, modules);
		await seedTrails(tx, media);
		await seedInstitutes(tx);
		await seedApplications(tx);
	});
}

type IdsBySlug = Map<string, string>;

function idOf(ids: IdsBySlug, slug: string): string {
	const id = ids.get(slug);
	if (!id) throw new Error(`seed: unknown slug ${slug}`);
	return id;
}

async function seedPeople(db: Database) {
	const password = await hashPassword(DEMO_PASSWORD);
	for (const person of demoPeople) {
		const [created] = await db
			.insert(user)
			.values({ email: person.email, name: person.name, locale: person.locale, emailVerified: true })
			.onConflictDoNothing({ target: user.email })
			.returning({ id: user.id });
		if (!created) continue;
		await db.insert(account).values({
			userId: created.id,
			accountId: created.id,
			providerId: 'credential',
			password
		});
		if (person.roles.length > 0) {
			await db.insert(userRole).values(person.roles.map((role) => ({ userId: created.id, role })));
		}
	}
}

async function seedModules(db: Database): Promise<IdsBySlug> {
	await db.insert(trainingModule).values(demoModules).onConflictDoNothing({ target: trainingModule.slug });
	const rows = await db.select({ id: trainingModule.id, slug: trainingModule.slug }).from(trainingModule);
	return new Map(rows.map((row) => [row.slug, row.id]));
}

async function seedSites(db: Database): Promise<IdsBySlug> {
	await db
		.insert(site)
		.values(demoSites.map(({ hours: _hours, ...fields }) => fields))
		.onConflictDoNothing({ target: site.slug });
	const rows = await db
		.select({ id: site.id, slug: site.slug })
		.from(site)
		.where(
			inArray(
				site.slug,
				demoSites.map((demo) => demo.slug)
			)
		);
	const ids = new Map(rows.map((row) => [row.slug, row.id]));
	for (const demo of demoSites) {
		const siteId = idOf(ids, demo.slug);
		await db
			.insert(siteOpeningHours)
			.values(demo.hours.map((hours) => ({ siteId, ...hours })))
			.onConflictDoNothing();
	}
	const [closures] = await db.select({ n: count() }).from(siteClosure);
	if ((closures?.n ?? 0) === 0) {
		await db
			.insert(siteClosure)
			.values(rows.flatMap((row) => demoClosures.map((closure) => ({ siteId: row.id, ...closure }))));
	}
	return ids;
}

async function seedEquipment(db: Database, sites: IdsBySlug, modules: IdsBySlug) {
	await db
		.insert(equipmentCategory)
		.values(demoCategories.map((category, position) => ({ ...category, position })))
		.onConflictDoNothing({ target: equipmentCategory.slug });
	const categories = new Map(
		(await db.select({ id: equipmentCategory.id, slug: equipmentCategory.slug }).from(equipmentCategory)).map(
			(row) => [row.slug, row.id]
		)
	);
	for (const demo of demoModels) {
		await db
			.insert(equipmentModel)
			.values({
				slug: demo.slug,
				categoryId: idOf(categories, demo.category),
				name: demo.name,
				description: demo.description,
				inTheBox: demo.inTheBox,
				photos: [{ src: `/equipment/${demo.slug}.svg`, alt: demo.photoAlt }],
				bufferMinutes: demo.bufferMinutes ?? 60,
				approvalRequired: demo.approvalRequired ?? false,
				requiredModuleId: demo.requiredModule ? idOf(modules, demo.requiredModule) : null
			})
			.onConflictDoNothing({ target: equipmentModel.slug });
	}
	const models = new Map(
		(await db.select({ id: equipmentModel.id, slug: equipmentModel.slug }).from(equipmentModel)).map(
			(row) => [row.slug, row.id]
		)
	);
	const units = demoModels.flatMap((demo) =>
		Object.entries(demo.units).flatMap(([siteSlug, howMany]) =>
			Array.from({ length: howMany }, (_, index) => {
				const number = String(index + 1).padStart(2, '0');
				const place = siteSlug.slice(0, 3).toUpperCase();
				return {
					modelId: idOf(models, demo.slug),
					siteId: idOf(sites, siteSlug),
					assetTag: `BRE-${demo.code}-${place}-${number}`,
					serialNumber: `${demo.code}-2025-${place}${number}`
				};
			})
		)
	);
	await db.insert(equipmentUnit).values(units).onConflictDoNothing({ target: equipmentUnit.assetTag });
	for (const demo of demoKits) {
		const [created] = await db
			.insert(kit)
			.values({
				slug: demo.slug,
				siteId: idOf(sites, demo.site),
				name: demo.name,
				description: demo.description
			})
			.onConflictDoNothing({ target: kit.slug })
			.returning({ id: kit.id });
		if (!created) continue;
		await db.insert(kitItem).values(
			demo.items.map((item) => ({
				kitId: created.id,
				modelId: idOf(models, item.model),
				quantity: item.quantity
			}))
		);
	}
}
