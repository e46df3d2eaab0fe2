import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../../audit/record';
import { authorize, type Actor } from '../../auth/permissions';
import type { Database } from '../../db/client';
import { parseInput } from '../../forms';
import { frenchText, localizedOf, optionalText } from '../../lending/inventory/fields';
import { institute } from '../institutes.table';
import { instituteBySlug } from './lookup';

const instituteSchema = z.object({
	nameFr: frenchText(200, () => m.institute_name_required()),
	nameEn: optionalText(200),
	missionFr: frenchText(4000, () => m.institute_mission_required()),
	missionEn: optionalText(4000)
});

/** An institute's texts as their form shows them. */
export async function getInstituteForEdit(db: Database, actor: Actor | null, slug: string) {
	authorize(actor, 'institutes.manage');
	const found = await instituteBySlug(db, slug);
	return {
		slug: found.slug,
		name: found.name,
		fields: {
			nameFr: found.name.fr,
			nameEn: found.name.en ?? '',
			missionFr: found.mission.fr,
			missionEn: found.mission.en ?? ''
		}
	};
}

/** Rewrites an institute's name and mission: content of the city, not code. */
export async function updateInstitute(db: Database, actor: Actor | null, slug: string, input: unknown) {
	authorize(actor, 'institutes.manage');
	const fields = parseInput(instituteSchema, input);
	await db.transaction(async (tx) => {
		const before = await instituteBySlug(tx, slug);
		const after = {
			name: localizedOf(fields.nameFr, fields.nameEn),
			mission: localizedOf(fields.missionFr, fields.missionEn)
		};
		await tx
			.update(institute)
			.set({ ...after, updatedAt: sql`now()` })
			.where(eq(institute.id, before.id));
		await recordAudit(tx, {
			actorId: actor.userId,
			action: 'institute.update',
			subjectType: 'institute',
			subjectId: before.id,
			before: { name: before.name, mission: before.mission },
			after
		});
	});
}
