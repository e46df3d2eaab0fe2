import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { application, applicationForm, institute, programme } from '../../src/lib/server/db/schema';
import type { FormField } from '../../src/lib/institutes/form-fields';
import type { InstitutesContext } from '../../src/lib/server/institutes/context';
import { localStorage } from '../../src/lib/server/media/storage';
import { DAY, NOW } from './trails';

export { DAY, NOW };

export type TestInstitutesContext = InstitutesContext & { directory: string; clock: { now: Date } };

/** A context with its own attachment directory and a clock the test can move. */
export function institutesContext(maxBytes = 200_000): TestInstitutesContext {
	const directory = mkdtempSync(join(tmpdir(), 'commons-applications-'));
	const clock = { now: NOW };
	return {
		origin: 'http://portal.test',
		mailer: { mode: 'keep', nudge: () => {} },
		now: () => clock.now,
		attachments: { storage: localStorage(directory), maxBytes },
		directory,
		clock
	};
}

const field = (key: string, kind: FormField['kind'], extra: Partial<FormField> = {}): FormField => ({
	key,
	kind,
	label: { fr: `Question ${key}`, en: `Question ${key}` },
	help: { fr: '', en: '' },
	required: false,
	publishable: false,
	options: [],
	...extra
});

const options = [
	{ value: 'sound', label: { fr: 'Son', en: 'Sound' } },
	{ value: 'image', label: { fr: 'Image', en: 'Image' } }
];

/** A form with one question of every kind; the summary and the budget must be answered. */
export const everyKind: FormField[] = [
	field('summary', 'long_text', {
		required: true,
		publishable: true,
		label: { fr: 'Résumé', en: 'Summary' }
	}),
	field('name', 'short_text', { publishable: true }),
	field('people', 'number'),
	field('budget', 'amount', { required: true, label: { fr: 'Budget', en: 'Budget' } }),
	field('start', 'date'),
	field('medium', 'choice', { options }),
	field('media', 'checkboxes', { options }),
	field('evidence', 'file'),
	field('website', 'link')
];

let programmes = 0;

/** A published programme open from a month ago until `closesIn` from now, with a form. */
export async function openProgramme(
	db: Database,
	options: {
		closesIn?: number | null;
		kind?: 'support' | 'prize';
		fields?: FormField[];
		decisionDays?: number;
	} = {}
) {
	programmes += 1;
	const [home] = await db
		.insert(institute)
		.values({ slug: `institute-${programmes}`, name: { fr: 'Institut' }, mission: { fr: 'Mission' } })
		.returning();
	const closesIn = options.closesIn === undefined ? 10 * DAY : options.closesIn;
	const [created] = await db
		.insert(programme)
		.values({
			slug: `programme-${programmes}`,
			instituteId: home?.id ?? '',
			kind: options.kind ?? 'support',
			title: { fr: `Appel ${programmes}`, en: `Call ${programmes}` },
			summary: { fr: 'Résumé' },
			eligibility: { fr: 'Tout le monde' },
			opensAt: new Date(NOW.getTime() - 30 * DAY),
			closesAt: closesIn === null ? null : new Date(NOW.getTime() + closesIn),
			decisionDays: options.decisionDays ?? 30,
			publishedAt: new Date(NOW.getTime() - 30 * DAY)
		})
		.returning();
	if (!created) throw new Error('no programme');
	await db
		.insert(applicationForm)
		.values({ programmeId: created.id, version: 1, fields: options.fields ?? everyKind });
	return created;
}

/** Adds the next version of a programme's form. */
export async function newFormVersion(
	db: Database,
	programmeId: string,
	version: number,
	fields: FormField[]
) {
	const [form] = await db.insert(applicationForm).values({ programmeId, version, fields }).returning();
	return form;
}

export async function applicationRow(db: Database, id: string) {
	const [row] = await db.select().from(application).where(eq(application.id, id));
	if (!row) throw new Error(`no application ${id}`);
	return row;
}

/** A minimal PDF, an ELF executable's first bytes, and a PNG: enough for type detection. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const ELF = new Uint8Array([
	0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0
]);

/** Answers that complete the `everyKind` form, as the form posts them. */
export const completeValues = {
	summary: 'Un projet de mémoire sonore du quartier.',
	budget: '1 500,50',
	medium: 'sound',
	media: ['sound', 'image'],
	website: 'https://example.org/projet'
};
