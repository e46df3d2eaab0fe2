import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Field from './Field.svelte';

describe('Field', () => {
	it('ties its label, hint and error to the input for screen readers', () => {
		render(Field, {
			label: 'Adresse e-mail',
			name: 'email',
			type: 'email',
			hint: 'Celle du compte',
			error: 'Adresse invalide'
		});
		const input = screen.getByLabelText('Adresse e-mail');
		expect(input).toHaveAttribute('type', 'email');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(input).toHaveAccessibleDescription('Celle du compte Adresse invalide');
	});

	it('is not marked invalid without an error', () => {
		render(Field, { label: 'Nom', name: 'name', value: 'Camille' });
		const input = screen.getByLabelText('Nom');
		expect(input).not.toHaveAttribute('aria-invalid');
		expect(input).not.toHaveAttribute('aria-describedby');
		expect(input).toHaveValue('Camille');
	});
});
