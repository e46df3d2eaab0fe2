import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ChoiceGroup from './ChoiceGroup.svelte';

describe('ChoiceGroup', () => {
	it('names its radios by the legend and describes the group with its error', () => {
		render(ChoiceGroup, {
			id: 'q2',
			name: 'q2',
			eyebrow: 'Question 2 sur 3',
			legend: 'À quelle distance ?',
			error: 'Ce n’est pas la bonne réponse.',
			options: [
				{ label: '2 cm', value: '0', checked: false },
				{ label: '20 cm', value: '1', checked: true }
			]
		});
		const group = screen.getByRole('group', { name: 'Question 2 sur 3 À quelle distance ?' });
		expect(group).toHaveAccessibleDescription('Ce n’est pas la bonne réponse.');
		const chosen = screen.getByRole('radio', { name: '20 cm' });
		expect(chosen).toBeChecked();
		expect(chosen).toHaveAttribute('name', 'q2');
		expect(chosen).toHaveAttribute('value', '1');
		expect(chosen).toHaveAttribute('aria-invalid', 'true');
	});

	it('gives checkboxes their own names, posting "on", and is not invalid without an error', () => {
		render(ChoiceGroup, {
			id: 'notifications',
			type: 'checkbox',
			legend: 'E-mails',
			hint: 'Toujours envoyés : les liens de connexion.',
			options: [{ label: 'Rappels', name: 'notifyReminders', checked: true }]
		});
		expect(screen.getByRole('group', { name: 'E-mails' })).toHaveAccessibleDescription(
			'Toujours envoyés : les liens de connexion.'
		);
		const box = screen.getByRole('checkbox', { name: 'Rappels' });
		expect(box).toBeChecked();
		expect(box).toHaveAttribute('name', 'notifyReminders');
		expect((box as HTMLInputElement).value).toBe('on');
		expect(box).not.toHaveAttribute('aria-invalid');
	});
});
