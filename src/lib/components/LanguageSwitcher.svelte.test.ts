import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LanguageSwitcher from './LanguageSwitcher.svelte';

describe('LanguageSwitcher', () => {
	it('offers the other language, labelled in that language, and posts where it came from', () => {
		const { container } = render(LanguageSwitcher, { current: 'fr', returnTo: '/equipment?q=zoom' });
		const button = screen.getByRole('button', { name: 'Read this site in English' });
		expect(button).toHaveAttribute('lang', 'en');
		expect(button).toHaveAttribute('value', 'en');
		const form = container.querySelector('form');
		expect(form).toHaveAttribute('action', '/language');
		expect(form).toHaveAttribute('method', 'POST');
		expect(container.querySelector('input[name="returnTo"]')).toHaveValue('/equipment?q=zoom');
	});

	it('offers French from the English site', () => {
		render(LanguageSwitcher, { current: 'en', returnTo: '/' });
		expect(screen.getByRole('button', { name: 'Lire ce site en français' })).toHaveTextContent('Français');
	});
});
