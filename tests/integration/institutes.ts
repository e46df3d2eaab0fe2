import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/lib/server/db/client';
import {
	application,
	applicationForm,
	institute,
	programme,
	rubricCriterion
} from '../../src/lib/server/db/schema';
import type { FormField } from '../../src/lib/institutes/form-fields';
import type { ApplicationStatus } from '../../src/lib/institutes/transitions';
import type { InstitutesContext } from '../../src/lib/server/institutes/context';
import { localStorage } from '../../src/lib/server/media/storage';
import { NOW } from './lending';

export { NOW };

let made = 0;

/** A form of three questions: a title-like text, an amount and a file. */
export const FIELDS: FormField[] = [
	{
		key: 'project',
		kind: 'long_text',
		label: { fr: 'Votre projet', en: 'Your project' },
		help: { fr: '', en: '' },
		required: true,
		publishable: true,
		options: []
	},
	{
		key: 'budget',
		kind: 'amount',
		label: { fr: 'Budget demandé', en: 'Budget asked' },
		help: { fr: '', en: '' },
		required: false,
		publishable: false,
		options: []
	},
	{
		key: 'quote',
		kind: 'file',
		label: { fr: 'Devis', en: 'Quote' },
		help: { fr: '', en: '' },
		required: false,
		publishable: false,
		options: []
	}
];

export type TestProgramme = {
	id: string;
	slug: string;
	formId: string;
	criteria: { id: string; weight: number }[];
};

/**
 * An institute's programme, open since a month before NOW, with version 1 of its form and a rubric
 * (weights 3 and 1 unless given). Money in cents; no budget unless given.
 */
export async function programmeWithForm(
	db: Database,
	options: { budgetCents?: number; maxAmountCents?: number; weights?: number[]; fields?: FormField[] } = {}
): Promise<TestProgramme> {
	made += 1;
	const [home] = await db
		.insert(institute)
		.values({
			slug: `institut-${made}`,
			name: { fr: `Institut ${made}`, en: `Institute ${made}` },
			mission: { fr: 'Soutenir les communs.' }
		})
		.returning({ id: institute.id });
	const slug = `programme-${made}`;
	const [call] = await db
		.insert(programme)
		.values({
			slug,
			instituteId: home?.id ?? '',
			kind: 'support',
			title: { fr: `Programme ${made}`, en: `Programme ${made}` },
			summary: { fr: 'Un programme de test.' },
			eligibility: { fr: 'Tout le monde.' },
			opensAt: new Date(NOW.getTime() - 30 * 86_400_000),
			budgetCents: options.budgetCents ?? null,
			maxAmountCents: options.maxAmountCents ?? null,
			decisionDays: 30,
			publishedAt: NOW
		})
		.returning({ id: programme.id });
	if (!call) throw new Error('no programme');
	const [form] = await db
		.insert(applicationForm)
		.values({ programmeId: call.id, version: 1, fields: options.fields ?? FIELDS })
		.returning({ id: applicationForm.id });
	const weights = options.weights ?? [3, 1];
	const criteria = await db
		.insert(rubricCriterion)
		.values(
			weights.map((weight, index) => ({
				programmeId: call.id,
				position: index + 1,
				label: { fr: `Critère ${index + 1}`, en: `Criterion ${index + 1}` },
				weight
			}))
		)
		.returning({ id: rubricCriterion.id, weight: rubricCriterion.weight });
	return { id: call.id, slug, formId: form?.id ?? '', criteria };
}

/** The columns a status requires (dates, letter), so that any status can be put in directly. */
function columnsFor(status: ApplicationStatus) {
	const day = 86_400_000;
	const submitted = status === 'draft' ? {} : { submittedAt: new Date(NOW.getTime() - 3 * day) };
	if (status === 'withdrawn') return { ...submitted, withdrawnAt: new Date(NOW.getTime() - day) };
	if (status === 'accepted' || status === 'rejected')
		return { ...submitted, decidedAt: new Date(NOW.getTime() - day), decisionLetter: 'Décision de test.' };
	return { ...submitted, expectedDecisionAt: new Date(NOW.getTime() + 27 * day) };
}

/** An application in the given status, by a person on their own or for a group. */
export async function applicationIn(
	db: Database,
	call: TestProgramme,
	status: ApplicationStatus,
	applicant: { userId: string; groupId?: string },
	overrides: Partial<typeof application.$inferInsert> = {}
) {
	const [row] = await db
		.insert(application)
		.values({
			programmeId: call.id,
			formId: call.formId,
			userId: applicant.userId,
			groupId: applicant.groupId ?? null,
			status,
			title: `Candidature ${status}`,
			answers: { project: 'Enregistrer les voix du quartier.', budget: '120000' },
			...columnsFor(status),
			...overrides
		})
		.returning();
	if (!row) throw new Error('no application');
	return row;
}

export type TestInstitutesContext = InstitutesContext & { nudges: number };

/** Institute use cases' context on the tests' clock; mail is kept in the outbox. */
export function institutesContext(overrides: Partial<InstitutesContext> = {}): TestInstitutesContext {
	const context: TestInstitutesContext = {
		origin: 'http://portal.test',
		mailer: { mode: 'keep', nudge: () => void (context.nudges += 1) },
		now: () => NOW,
		attachments: {
			storage: localStorage(mkdtempSync(join(tmpdir(), 'commons-attachments-'))),
			maxBytes: 1_000_000
		},
		nudges: 0,
		...overrides
	};
	return context;
}
