import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole, revokeRole } from '../../src/lib/server/auth/roles';
import { recordInPersonTraining } from '../../src/lib/server/learning/record-in-person';
import { auditEvent, equipmentModel, equipmentUnit } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { createBooking } from '../../src/lib/server/lending/create-booking';
import { approveRequest, rejectRequest } from '../../src/lib/server/lending/desk/decide';
import { handOut } from '../../src/lib/server/lending/desk/hand-out';
import { addModelPhoto, removeModelPhoto } from '../../src/lib/server/lending/inventory/model-photos';
import { createModel, getModelForEdit, updateModel } from '../../src/lib/server/lending/inventory/models';
import {
	addClosure,
	getSiteForEdit,
	removeClosure,
	updateSite
} from '../../src/lib/server/lending/inventory/sites';
import { createCategory, updateCategory } from '../../src/lib/server/lending/inventory/categories';
import { createKit, getKitForEdit, updateKit } from '../../src/lib/server/lending/inventory/kits';
import { createUnit, updateUnit } from '../../src/lib/server/lending/inventory/units';
import { getTrailForEdit } from '../../src/lib/server/trails/trails';
import { recordNoShow } from '../../src/lib/server/lending/desk/no-show';
import { takeBack } from '../../src/lib/server/lending/desk/take-back';
import {
	publishProject,
	publishTrail,
	requestChanges,
	unpublish
} from '../../src/lib/server/trails/moderation';
import { submitProject, submitTrail } from '../../src/lib/server/trails/submit';
import { backends, type TestDatabase } from './database';
import { programmeAuditActions, programmeMutations } from './institutes-audit';
import { lendingContext, paris } from './lending';
import { reviewAuditActions, reviewMutations, reviewReads } from './review-audit';
import { createPerson } from './people';
import { groupWithMembers, trailWithStops, trailsContext, withProjectVersion } from './trails';

// Every staff use case that changes something must leave an audit row naming who did it. The list
// of staff use cases is read from the source, so a new one fails here until it is tried below.

/** Permissions only staff roles hold (see auth/permissions.ts). */
const STAFF_ACTIONS = [
	'desk.work',
	'bookings.decide',
	'bookings.list-all',
	'roles.manage',
	'people.list',
	'outbox.read',
	'audit.read',
	'inventory.manage',
	'reports.read',
	'training.record',
	'moderation.review',
	'institutes.manage',
	'applications.review',
	'applications.assign'
];

/** Staff use cases that only read: nothing to audit. */
const READS = [
	'deskToday',
	'openDeskBooking',
	'findBookingToOpen',
	'readHandoverPhoto',
	'listAuditEvents',
	'listPeople',
	'readOutbox',
	'lendingReport',
	'lendingReportCsv',
	'listModulesToRecord',
	'listUnits',
	'listSites',
	'listCategories',
	'listKits',
	'newKitChoices',
	'getKitForEdit',
	'getSiteForEdit',
	'listModels',
	'getModelForEdit',
	'newModelChoices',
	'getUnit',
	'labelSheet',
	'listModerationQueue',
	'getTrailReview',
	'getProjectReview',
	'listProgrammesForAdmin',
	'programmeChoices',
	'getProgrammeForEdit',
	'getInstituteForEdit',
	'getFormBuilder',
	'editFormDraft',
	'getRubric',
	'editRubricDraft',
	...reviewReads
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

/** Exported functions whose first statement authorizes a staff-only permission. */
function staffUseCases(): string[] {
	const found = new Set<string>();
	for (const file of sourceFiles('src/lib/server')) {
		// One chunk per exported function, so that a match never runs into the next one.
		for (const chunk of readFileSync(file, 'utf8').split(/(?=^export )/m)) {
			const name = /^export async function (\w+)/.exec(chunk)?.[1];
			const action = /\{\s*\n\s*authorize\(actor, '([\w.-]+)'/.exec(chunk)?.[1];
			if (name && action && STAFF_ACTIONS.includes(action)) found.add(name);
		}
	}
	return [...found].sort();
}

for (const backend of backends()) {
	describe(`staff changes are audited on ${backend.name}`, () => {
		let database: TestDatabase;
		let desk: Awaited<ReturnType<typeof createPerson>>;
		let admin: Awaited<ReturnType<typeof createPerson>>;
		const context = lendingContext();
		const morning = lendingContext({ now: () => new Date(paris('2026-11-21', '08:00')) });
		beforeAll(async () => {
			database = await backend.fresh();
			await seedDemo(database.db);
			desk = await createPerson(database.db, { roles: ['desk'] });
			admin = await createPerson(database.db, { roles: ['admin'] });
		});
		afterAll(() => database.close());

		const book = async (equipment: string, from: string, to: string) => {
			const person = await createPerson(database.db);
			const made = await createBooking(
				database.db,
				person.actor,
				{ equipment, site: 'capucins', start: paris('2026-11-21', from), end: paris('2026-11-21', to) },
				morning
			);
			return made.id;
		};

		const trails = trailsContext();
		/** A new group's trail, submitted to the moderators, with the version they read. */
		const submittedTrail = async (title: string) => {
			const cast = await groupWithMembers(database.db);
			const made = await trailWithStops(database.db, cast, { title });
			await submitTrail(database.db, cast.editor.actor, made.trailSlug);
			const { trail } = await getTrailForEdit(database.db, cast.editor.actor, made.trailSlug);
			return { ...made, cast, version: trail.version };
		};

		const modelFields = async () => (await getModelForEdit(database.db, admin.actor, 'zoom-h5')).fields;
		const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

		const mutations: Record<string, () => Promise<{ actorId: string }>> = {
			approveRequest: async () => {
				const bookingId = await book('bose-s1-pro', '13:00', '14:00');
				await approveRequest(database.db, desk.actor, { bookingId }, context);
				return { actorId: desk.id };
			},
			rejectRequest: async () => {
				const bookingId = await book('bose-s1-pro', '15:00', '16:00');
				await rejectRequest(
					database.db,
					desk.actor,
					{ bookingId, reason: 'Réservée pour la ville' },
					context
				);
				return { actorId: desk.id };
			},
			handOut: async () => {
				const bookingId = await book('zoom-h5', '14:00', '15:00');
				await handOut(database.db, desk.actor, { bookingId }, context);
				return { actorId: desk.id };
			},
			takeBack: async () => {
				const bookingId = await book('zoom-h5', '15:00', '16:00');
				await handOut(database.db, desk.actor, { bookingId }, context);
				await takeBack(database.db, admin.actor, { bookingId }, context);
				return { actorId: admin.id };
			},
			recordNoShow: async () => {
				const bookingId = await book('zoom-h5', '10:00', '11:00');
				await recordNoShow(database.db, desk.actor, { bookingId }, context);
				return { actorId: desk.id };
			},
			grantRole: async () => {
				const person = await createPerson(database.db);
				await grantRole(database.db, admin.actor, { userId: person.id, role: 'desk' });
				return { actorId: admin.id };
			},
			recordInPersonTraining: async () => {
				const person = await createPerson(database.db);
				await recordInPersonTraining(database.db, desk.actor, {
					email: person.email,
					module: 'camera-basics'
				});
				return { actorId: desk.id };
			},
			createUnit: async () => {
				await createUnit(
					database.db,
					desk.actor,
					{ model: 'zoom-h5', site: 'bellevue', assetTag: 'BRE-AUD-BEL-01' },
					context
				);
				return { actorId: desk.id };
			},
			updateUnit: async () => {
				const [unit] = await database.db
					.select()
					.from(equipmentUnit)
					.where(eq(equipmentUnit.assetTag, 'BRE-AUD-BEL-01'));
				await updateUnit(
					database.db,
					admin.actor,
					{ id: unit?.id, site: 'bellevue', status: 'in_service', notes: 'Housse neuve' },
					context
				);
				return { actorId: admin.id };
			},
			createModel: async () => {
				await createModel(database.db, desk.actor, { ...(await modelFields()), slug: 'zoom-audit' });
				return { actorId: desk.id };
			},
			updateModel: async () => {
				await updateModel(database.db, admin.actor, 'zoom-audit', {
					...(await modelFields()),
					maxLoanDays: 2
				});
				return { actorId: admin.id };
			},
			addModelPhoto: async () => {
				await addModelPhoto(
					database.db,
					desk.actor,
					'zoom-audit',
					{ photo: PNG, altFr: 'Vue de face' },
					context.media
				);
				return { actorId: desk.id };
			},
			removeModelPhoto: async () => {
				const [model] = await database.db
					.select()
					.from(equipmentModel)
					.where(eq(equipmentModel.slug, 'zoom-audit'));
				await removeModelPhoto(
					database.db,
					admin.actor,
					'zoom-audit',
					model?.photos[0]?.src ?? '',
					context.media
				);
				return { actorId: admin.id };
			},
			updateSite: async () => {
				await updateSite(database.db, desk.actor, 'bellevue', {
					name: 'Maison de quartier de Bellevue',
					address: '1 rue Sisley, Brest',
					latitude: '48.403',
					longitude: '-4.508',
					'hours.3.0.opens': '14:00',
					'hours.3.0.closes': '19:00'
				});
				return { actorId: desk.id };
			},
			addClosure: async () => {
				await addClosure(
					database.db,
					admin.actor,
					'bellevue',
					{ startsOn: '2027-01-01', endsOn: '2027-01-01', reasonFr: 'Jour de l’an' },
					'Europe/Paris'
				);
				return { actorId: admin.id };
			},
			removeClosure: async () => {
				const { closures } = await getSiteForEdit(database.db, desk.actor, 'bellevue', '2026-11-21');
				const newYear = closures.find((closure) => closure.startsOn === '2027-01-01');
				await removeClosure(database.db, desk.actor, 'bellevue', newYear?.id ?? '');
				return { actorId: desk.id };
			},
			createCategory: async () => {
				await createCategory(database.db, desk.actor, { slug: 'audit', nameFr: 'Audit', position: '90' });
				return { actorId: desk.id };
			},
			updateCategory: async () => {
				await updateCategory(database.db, admin.actor, 'audit', {
					nameFr: 'Audit',
					nameEn: 'Audit',
					position: '91'
				});
				return { actorId: admin.id };
			},
			createKit: async () => {
				await createKit(database.db, desk.actor, {
					slug: 'kit-audit',
					site: 'bellevue',
					nameFr: 'Kit audit',
					descriptionFr: 'Pour le test.',
					'item.0.model': 'zoom-h5'
				});
				return { actorId: desk.id };
			},
			updateKit: async () => {
				const { fields } = await getKitForEdit(database.db, admin.actor, 'kit-audit');
				await updateKit(database.db, admin.actor, 'kit-audit', { ...fields, nameEn: 'Audit kit' }, context);
				return { actorId: admin.id };
			},
			publishTrail: async () => {
				const { trailSlug, version } = await submittedTrail('Audit publié');
				await publishTrail(
					database.db,
					trails,
					admin.actor,
					trailSlug,
					await withProjectVersion(database.db, trailSlug, { version })
				);
				return { actorId: admin.id };
			},
			publishProject: async () => {
				const cast = await groupWithMembers(database.db);
				const { projectSlug } = await trailWithStops(database.db, cast, { title: 'Audit projet', stops: [] });
				await submitProject(database.db, cast.editor.actor, projectSlug);
				await publishProject(database.db, trails, admin.actor, projectSlug, { version: 1 });
				return { actorId: admin.id };
			},
			requestChanges: async () => {
				const { trailSlug, version } = await submittedTrail('Audit à revoir');
				await requestChanges(database.db, trails, admin.actor, 'trail', trailSlug, {
					version,
					comment: 'Le son sature.'
				});
				return { actorId: admin.id };
			},
			unpublish: async () => {
				const { trailSlug, version } = await submittedTrail('Audit retiré');
				await publishTrail(
					database.db,
					trails,
					admin.actor,
					trailSlug,
					await withProjectVersion(database.db, trailSlug, { version })
				);
				await unpublish(database.db, trails, admin.actor, 'trail', trailSlug, { comment: 'Retiré.' });
				return { actorId: admin.id };
			},
			revokeRole: async () => {
				const person = await createPerson(database.db, { roles: ['reviewer'] });
				await revokeRole(database.db, admin.actor, { userId: person.id, role: 'reviewer' });
				return { actorId: admin.id };
			},
			...programmeMutations(
				() => database.db,
				() => admin
			),
			...reviewMutations(
				() => database.db,
				() => admin
			)
		};

		it('knows every staff use case, and whether it reads or changes', () => {
			expect(staffUseCases()).toEqual([...READS, ...Object.keys(mutations)].sort());
		});

		/** The audit action each change must leave, under the name of who made it. */
		const expectedAction: Record<string, string> = {
			approveRequest: 'booking.approve',
			rejectRequest: 'booking.reject',
			handOut: 'booking.hand_out',
			takeBack: 'booking.take_back',
			recordNoShow: 'booking.no_show',
			grantRole: 'role.grant',
			revokeRole: 'role.revoke',
			recordInPersonTraining: 'training.record_in_person',
			createUnit: 'unit.create',
			updateUnit: 'unit.update',
			createModel: 'model.create',
			updateModel: 'model.update',
			addModelPhoto: 'model.photo_add',
			removeModelPhoto: 'model.photo_remove',
			updateSite: 'site.update',
			addClosure: 'site.closure_add',
			removeClosure: 'site.closure_remove',
			createCategory: 'category.create',
			updateCategory: 'category.update',
			createKit: 'kit.create',
			updateKit: 'kit.update',
			publishTrail: 'trail.published',
			publishProject: 'project.published',
			requestChanges: 'trail.changes_requested',
			unpublish: 'trail.unpublished',
			...programmeAuditActions,
			...reviewAuditActions
		};

		it('names the audit action of every change', () => {
			expect(Object.keys(expectedAction).sort()).toEqual(Object.keys(mutations).sort());
		});

		it.each(Object.keys(mutations))('%s writes an audit row naming the staff member', async (name) => {
			const actionsBy = async (actorId: string) =>
				(
					await database.db
						.select({ action: auditEvent.action })
						.from(auditEvent)
						.where(eq(auditEvent.actorId, actorId))
				).map((row) => row.action);
			const before = { [desk.id]: await actionsBy(desk.id), [admin.id]: await actionsBy(admin.id) };
			const { actorId } = await (mutations[name] ?? (() => Promise.reject(new Error(name))))();
			const added = [...(await actionsBy(actorId))];
			for (const action of before[actorId] ?? []) added.splice(added.indexOf(action), 1);
			expect(added).toContain(expectedAction[name]);
		});
	});
}
