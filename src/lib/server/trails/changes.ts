import type { PublishedProject, PublishedStop, PublishedTrail } from './published';

/** One difference between what the public sees and what the group submitted. */
export type Change =
	| { field: string; before: string; after: string }
	| { stop: string; change: 'added' | 'removed' | 'moved' | 'edited' | 'media'; detail?: string };

const text = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

function fieldChanges<T extends object>(before: T | null, after: T, fields: (keyof T & string)[]): Change[] {
	return fields.flatMap((field) => {
		const was = before ? text(before[field]) : '';
		const is = text(after[field]);
		return was === is ? [] : [{ field, before: was, after: is }];
	});
}

const mediaOf = (stop: PublishedStop) => stop.media.map((item) => `${item.title} (${item.kind})`).join(', ');
const sameSpot = (a: PublishedStop, b: PublishedStop) =>
	a.position[0] === b.position[0] && a.position[1] === b.position[1] && a.radiusMetres === b.radiusMetres;

function stopChanges(before: PublishedStop[], after: PublishedStop[]): Change[] {
	const earlier = new Map(before.map((stop, index) => [stop.id, { stop, index }]));
	const changes: Change[] = [];
	after.forEach((stop, index) => {
		const old = earlier.get(stop.id);
		if (!old) return changes.push({ stop: stop.title, change: 'added' });
		if (old.index !== index)
			changes.push({ stop: stop.title, change: 'moved', detail: `${old.index + 1} → ${index + 1}` });
		if (old.stop.title !== stop.title || old.stop.text !== stop.text || !sameSpot(old.stop, stop))
			changes.push({ stop: stop.title, change: 'edited' });
		if (mediaOf(old.stop) !== mediaOf(stop))
			changes.push({ stop: stop.title, change: 'media', detail: mediaOf(stop) });
	});
	const kept = new Set(after.map((stop) => stop.id));
	for (const stop of before) if (!kept.has(stop.id)) changes.push({ stop: stop.title, change: 'removed' });
	return changes;
}

/** What a moderator must read: every field and stop that differs from the published version. */
export function trailChanges(published: PublishedTrail | null, submitted: PublishedTrail): Change[] {
	const path = (trail: PublishedTrail | null) =>
		trail ? `${trail.path.length} points, ${trail.lengthMetres} m` : '';
	const pathChange: Change[] =
		JSON.stringify(published?.path ?? []) === JSON.stringify(submitted.path)
			? []
			: [{ field: 'path', before: path(published), after: path(submitted) }];
	return [
		...fieldChanges(published, submitted, ['title', 'summary', 'accessibility']),
		...pathChange,
		...stopChanges(published?.stops ?? [], submitted.stops)
	];
}

export function projectChanges(published: PublishedProject | null, submitted: PublishedProject): Change[] {
	const cover = (project: PublishedProject | null) => project?.cover?.title ?? '';
	return [
		...fieldChanges(published, submitted, [
			'title',
			'summary',
			'description',
			'themes',
			'credits',
			'licence'
		]),
		...(cover(published) === cover(submitted)
			? []
			: [{ field: 'cover', before: cover(published), after: cover(submitted) }])
	];
}
