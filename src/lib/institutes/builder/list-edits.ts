/**
 * The buttons of a list edited without JavaScript: each posts the whole list with one of these
 * as `op`, and the page comes back with the list changed but not yet saved.
 */
export type ListEdit = { kind: 'save' } | { kind: 'add' } | { kind: 'remove' | 'up' | 'down'; index: number };

export function listEditOf(op: string | undefined): ListEdit {
	if (op === 'add') return { kind: 'add' };
	const match = /^(remove|up|down):(\d{1,3})$/.exec(op ?? '');
	if (!match) return { kind: 'save' };
	return { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) };
}

/** The list after the edit; an index outside it changes nothing. */
export function applyListEdit<T>(items: readonly T[], edit: ListEdit, blank: () => T): T[] {
	const list = [...items];
	if (edit.kind === 'save') return list;
	if (edit.kind === 'add') return [...list, blank()];
	const { index } = edit;
	if (index >= list.length) return list;
	if (edit.kind === 'remove') list.splice(index, 1);
	const target = edit.kind === 'up' ? index - 1 : index + 1;
	if (edit.kind !== 'remove' && target >= 0 && target < list.length) {
		[list[index], list[target]] = [list[target] as T, list[index] as T];
	}
	return list;
}
