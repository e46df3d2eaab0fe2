import type { Database } from '../../src/lib/server/db/client';
import { saveApplicationForm } from '../../src/lib/server/institutes/programmes/application-forms';
import { updateInstitute } from '../../src/lib/server/institutes/programmes/manage-institutes';
import {
	createProgramme,
	getProgrammeForEdit,
	setProgrammePublished,
	updateProgramme
} from '../../src/lib/server/institutes/programmes/manage-programmes';
import { getRubric, saveRubric } from '../../src/lib/server/institutes/programmes/rubric';
import type { createPerson } from './people';

type Person = Awaited<ReturnType<typeof createPerson>>;
const CLOCK = { timeZone: 'Europe/Paris' };

/** The institutes' staff changes, tried on the seeded demo, for the audit test. */
export function programmeMutations(db: () => Database, admin: () => Person) {
	const as = async (change: (actor: Person['actor']) => Promise<unknown>) => {
		await change(admin().actor);
		return { actorId: admin().id };
	};
	return {
		createProgramme: () =>
			as(async (actor) => {
				const { fields } = await getProgrammeForEdit(db(), actor, 'legal-help', CLOCK);
				await createProgramme(db(), actor, { ...fields, slug: 'audit-programme' }, CLOCK);
			}),
		updateProgramme: () =>
			as(async (actor) => {
				const { fields } = await getProgrammeForEdit(db(), actor, 'legal-help', CLOCK);
				await updateProgramme(db(), actor, 'legal-help', { ...fields, decisionDays: '25' }, CLOCK);
			}),
		setProgrammePublished: () => as((actor) => setProgrammePublished(db(), actor, 'patronage', false)),
		saveApplicationForm: () =>
			as((actor) =>
				saveApplicationForm(db(), actor, 'legal-help', [
					{ key: 'audit', kind: 'short_text', label: { fr: 'Audit', en: '' } }
				])
			),
		saveRubric: () =>
			as(async (actor) => {
				const { criteria } = await getRubric(db(), actor, 'legal-help');
				await saveRubric(db(), actor, 'legal-help', { criteria: criteria.reverse() });
			}),
		updateInstitute: () =>
			as((actor) =>
				updateInstitute(db(), actor, 'commons', { nameFr: 'Institut des communs', missionFr: 'Audit.' })
			)
	};
}

export const programmeAuditActions = {
	createProgramme: 'programme.create',
	updateProgramme: 'programme.update',
	setProgrammePublished: 'programme.unpublish',
	saveApplicationForm: 'programme.form',
	saveRubric: 'programme.rubric',
	updateInstitute: 'institute.update'
};
