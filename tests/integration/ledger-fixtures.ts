import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/client';
import {
	application,
	applicationForm,
	group,
	groupMember,
	institute,
	programme
} from '../../src/lib/server/db/schema';
import type { ApplicationStatus } from '../../src/lib/institutes/transitions';
import type { ProgrammeKind } from '../../src/lib/server/institutes/institutes.table';
import type { FormField } from '../../src/lib/institutes/form-fields';

/** A row a statement just returned: the test stops here if it did not. */
export function defined<T>(value: T | undefined | null): T {
	if (value === undefined || value === null) throw new Error('expected a row');
	return value;
}

const suffix = () => randomBytes(4).toString('hex');
const text = (fr: string, en = fr) => ({ fr, en });

export const FIELDS: FormField[] = [
	{
		key: 'summary',
		kind: 'long_text',
		label: text('Résumé', 'Summary'),
		help: text(''),
		required: true,
		publishable: true,
		options: []
	},
	{
		key: 'budget_detail',
		kind: 'long_text',
		label: text('Détail du budget', 'Budget detail'),
		help: text(''),
		required: false,
		publishable: false,
		options: []
	}
];

/** An institute and one published programme of the given kind, with a first form version. */
export async function programmeOf(db: Database, kind: ProgrammeKind, title = `Programme ${kind}`) {
	const [made] = await db
		.insert(institute)
		.values({ slug: `institute-${suffix()}`, name: text('Institut'), mission: text('Mission') })
		.returning();
	const [call] = await db
		.insert(programme)
		.values({
			slug: `${kind}-${suffix()}`,
			instituteId: defined(made).id,
			kind,
			title: text(title, `${title} (en)`),
			summary: text('Résumé'),
			eligibility: text('Tout le monde'),
			opensAt: new Date('2026-01-01T00:00:00Z'),
			budgetCents: 1_000_000,
			publishedAt: new Date('2026-01-01T00:00:00Z')
		})
		.returning();
	const [form] = await db
		.insert(applicationForm)
		.values({ programmeId: defined(call).id, version: 1, fields: FIELDS })
		.returning();
	return { institute: defined(made), programme: defined(call), form: defined(form) };
}

type Programme = Awaited<ReturnType<typeof programmeOf>>;

const DECIDED = new Date('2026-11-02T10:00:00Z');

/** An application in the given status, put in directly (the state machine has tests of its own). */
export async function applicationIn(
	db: Database,
	call: Programme,
	status: ApplicationStatus,
	options: {
		userId?: string | null;
		groupId?: string | null;
		title?: string;
		awardedCents?: number;
		publishName?: boolean;
		publishedFields?: string[];
		answers?: Record<string, string>;
	} = {}
) {
	const submitted = status !== 'draft' && status !== 'withdrawn';
	const decided = status === 'accepted' || status === 'rejected';
	const [row] = await db
		.insert(application)
		.values({
			programmeId: call.programme.id,
			formId: call.form.id,
			userId: options.userId ?? null,
			groupId: options.groupId ?? null,
			status,
			title: options.title ?? `Dossier ${status}`,
			answers: options.answers ?? { summary: 'Public summary', budget_detail: 'Secret budget' },
			publishedFields: options.publishedFields ?? ['summary'],
			publishName: options.publishName ?? false,
			submittedAt: submitted ? new Date('2026-10-01T10:00:00Z') : null,
			decidedAt: decided ? DECIDED : null,
			decisionLetter: decided ? 'Décision motivée.' : null,
			awardedCents: status === 'accepted' ? (options.awardedCents ?? null) : null,
			withdrawnAt: status === 'withdrawn' ? new Date('2026-10-05T10:00:00Z') : null
		})
		.returning();
	return defined(row);
}

/** A business group, its owner as member. */
export async function businessGroup(db: Database, ownerId: string, name = `Entreprise ${suffix()}`) {
	const [made] = await db
		.insert(group)
		.values({ slug: `business-${suffix()}`, name, kind: 'business' })
		.returning();
	await db.insert(groupMember).values({ groupId: defined(made).id, userId: ownerId, role: 'owner' });
	return defined(made);
}
