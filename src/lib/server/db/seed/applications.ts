import { count, desc, eq } from 'drizzle-orm';
import { nextStatus, type ApplicationStatus, type Transition } from '../../../institutes/transitions';
import { appendLedgerEntry } from '../../institutes/ledger/append-entry';
import type { Database } from '../client';
import { application, applicationEvent, applicationForm, group, pledge, programme, user } from '../schema';
import { demoApplications, demoPledge, type DemoApplication } from './demo-applications';

const DAY = 86_400_000;

async function lookups(db: Database) {
	const people = new Map(
		(await db.select({ id: user.id, key: user.email }).from(user)).map((r) => [r.key, r.id])
	);
	const groupRows = await db.select({ id: group.id, key: group.slug, name: group.name }).from(group);
	const groups = new Map(groupRows.map((r) => [r.key, r.id]));
	const groupNames = new Map(groupRows.map((r) => [r.key, r.name]));
	const calls = await db
		.select({ id: programme.id, slug: programme.slug, decisionDays: programme.decisionDays })
		.from(programme);
	const need = (map: Map<string, string>) => (key: string) => {
		const id = map.get(key);
		if (!id) throw new Error(`seed: unknown ${key}`);
		return id;
	};
	return {
		person: need(people),
		group: need(groups),
		groupName: need(groupNames),
		calls: new Map(calls.map((c) => [c.slug, c]))
	};
}

/**
 * The institutes' demo activity: one application in each state with its timeline, the accepted
 * prize in the ledger, and a business's pledge with two contributions. Only on a portal that has
 * no application yet, so running the seed again adds nothing.
 */
export async function seedApplications(db: Database, now = new Date()) {
	const [existing] = await db.select({ n: count() }).from(application);
	if ((existing?.n ?? 0) > 0) return;
	const found = await lookups(db);
	await seedPledge(db, found, now);
	for (const demo of demoApplications) await seedApplication(db, demo, found, now);
}

async function seedApplication(
	db: Database,
	demo: DemoApplication,
	found: Awaited<ReturnType<typeof lookups>>,
	now: Date
) {
	const call = found.calls.get(demo.programme);
	if (!call) throw new Error(`seed: unknown programme ${demo.programme}`);
	const [form] = await db
		.select({ id: applicationForm.id })
		.from(applicationForm)
		.where(eq(applicationForm.programmeId, call.id))
		.orderBy(desc(applicationForm.version))
		.limit(1);
	if (!form) throw new Error(`seed: ${demo.programme} has no form`);
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
	const applicant = found.person(demo.by);
	const actorOf = (by: DemoApplication['steps'][number]['by']): string =>
		by === 'applicant' ? applicant : found.person(`${by}@example.org`);
	const submitted = demo.steps.find((step) => step.transition === 'submit');
	const decided = demo.decision ? demo.steps.at(-1) : undefined;
	const withdrawn = demo.steps.find((step) => step.transition === 'withdraw');
	const [made] = await db
		.insert(application)
		.values({
			programmeId: call.id,
			formId: form.id,
			userId: applicant,
			groupId: demo.group ? found.group(demo.group) : null,
			status: demo.status,
			title: demo.title,
			answers: demo.answers,
			publishedFields: demo.publishedFields ?? [],
			submittedAt: submitted ? at(submitted.daysAgo) : null,
			expectedDecisionAt: submitted && call.decisionDays ? at(submitted.daysAgo - call.decisionDays) : null,
			decidedAt: decided ? at(decided.daysAgo) : null,
			decidedBy: decided ? actorOf(decided.by) : null,
			decisionLetter: demo.decision?.letter ?? null,
			awardedCents: demo.decision?.amountCents ?? null,
			withdrawnAt: withdrawn ? at(withdrawn.daysAgo) : null,
			createdAt: at((demo.steps[0]?.daysAgo ?? 1) + 1),
			updatedAt: at(demo.steps.at(-1)?.daysAgo ?? 1)
		})
		.returning({ id: application.id });
	if (!made) throw new Error('seed: the application was not written');
	await seedTimeline(db, made.id, demo, actorOf, at);
	if (decided && demo.decision?.amountCents) {
		await appendLedgerEntry(
			db,
			{
				kind: 'award',
				amountCents: demo.decision.amountCents,
				programmeId: call.id,
				applicationId: made.id,
				pledgeId: null,
				reversesSeq: null,
				party: demo.group ? found.groupName(demo.group) : 'Une personne',
				memo: `${demo.programme} ${made.id}`,
				recordedBy: actorOf(decided.by),
				recordedAt: at(decided.daysAgo)
			},
			now
		);
	}
}

async function seedTimeline(
	db: Database,
	applicationId: string,
	demo: DemoApplication,
	actorOf: (by: DemoApplication['steps'][number]['by']) => string,
	at: (daysAgo: number) => Date
) {
	let status: ApplicationStatus = 'draft';
	for (const step of demo.steps) {
		const to = nextStatus(step.transition as Transition, status);
		if (!to) throw new Error(`seed: ${demo.title} cannot ${step.transition} from ${status}`);
		const isDecision = step.transition === 'accept' || step.transition === 'reject';
		await db.insert(applicationEvent).values({
			applicationId,
			at: at(step.daysAgo),
			actorId: actorOf(step.by),
			kind: step.transition,
			fromStatus: status,
			toStatus: to,
			message: isDecision ? (demo.decision?.letter ?? null) : (step.message ?? null)
		});
		status = to;
	}
	if (status !== demo.status) throw new Error(`seed: ${demo.title} ends ${status}, not ${demo.status}`);
}

async function seedPledge(db: Database, found: Awaited<ReturnType<typeof lookups>>, now: Date) {
	const call = found.calls.get(demoPledge.programme);
	if (!call) throw new Error(`seed: unknown programme ${demoPledge.programme}`);
	const admin = found.person('admin@example.org');
	const startsOn = new Date(now.getTime() - demoPledge.startsDaysAgo * DAY).toISOString().slice(0, 10);
	const [made] = await db
		.insert(pledge)
		.values({
			programmeId: call.id,
			groupId: found.group(demoPledge.group),
			kind: 'revenue_share',
			shareBasisPoints: demoPledge.shareBasisPoints,
			commons: demoPledge.commons,
			startsOn,
			recordedBy: admin
		})
		.returning({ id: pledge.id });
	if (!made) throw new Error('seed: the pledge was not written');
	for (const contribution of demoPledge.contributions) {
		await appendLedgerEntry(
			db,
			{
				kind: 'contribution',
				amountCents: contribution.amountCents,
				programmeId: call.id,
				applicationId: null,
				pledgeId: made.id,
				reversesSeq: null,
				party: found.groupName(demoPledge.group),
				memo: contribution.memo,
				recordedBy: admin,
				recordedAt: new Date(now.getTime() - contribution.daysAgo * DAY)
			},
			now
		);
	}
}
