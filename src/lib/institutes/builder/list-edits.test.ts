import { describe, expect, it } from 'vitest';
import { applyListEdit, listEditOf } from './list-edits';

const blank = () => 'new';

describe('list edits without JavaScript', () => {
	it('reads the button that was pressed, saving when it is none of them', () => {
		expect(listEditOf('add')).toEqual({ kind: 'add' });
		expect(listEditOf('up:2')).toEqual({ kind: 'up', index: 2 });
		expect(listEditOf('remove:0')).toEqual({ kind: 'remove', index: 0 });
		expect(listEditOf('save')).toEqual({ kind: 'save' });
		expect(listEditOf('up:-1')).toEqual({ kind: 'save' });
		expect(listEditOf(undefined)).toEqual({ kind: 'save' });
	});

	it('adds, removes and moves, leaving the list alone at its edges', () => {
		const list = ['a', 'b', 'c'];
		expect(applyListEdit(list, { kind: 'add' }, blank)).toEqual(['a', 'b', 'c', 'new']);
		expect(applyListEdit(list, { kind: 'remove', index: 1 }, blank)).toEqual(['a', 'c']);
		expect(applyListEdit(list, { kind: 'up', index: 1 }, blank)).toEqual(['b', 'a', 'c']);
		expect(applyListEdit(list, { kind: 'down', index: 1 }, blank)).toEqual(['a', 'c', 'b']);
		expect(applyListEdit(list, { kind: 'up', index: 0 }, blank)).toEqual(list);
		expect(applyListEdit(list, { kind: 'down', index: 2 }, blank)).toEqual(list);
		expect(applyListEdit(list, { kind: 'remove', index: 9 }, blank)).toEqual(list);
		expect(list).toEqual(['a', 'b', 'c']);
	});
});
