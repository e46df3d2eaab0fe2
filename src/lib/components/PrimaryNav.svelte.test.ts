import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import PrimaryNav from './PrimaryNav.svelte';

describe('PrimaryNav', () => {
	it('lists the three pillars and "Me", marking the current one', () => {
		render(PrimaryNav, { path: '/trails/sounds-of-recouvrance', signedIn: false });
		const links = screen.getAllByRole('link');
		expect(links.map((link) => link.textContent?.trim())).toEqual([
			'Matériel',
			'Parcours',
			'Instituts',
			'Moi'
		]);
		expect(screen.getByRole('link', { name: 'Parcours' })).toHaveAttribute('aria-current', 'page');
		expect(screen.getByRole('link', { name: 'Matériel' })).not.toHaveAttribute('aria-current');
	});

	it('sends "Me" to sign-in for visitors and to the account once signed in', () => {
		const { unmount } = render(PrimaryNav, { path: '/', signedIn: false });
		expect(screen.getByRole('link', { name: 'Moi' })).toHaveAttribute('href', '/login');
		unmount();
		render(PrimaryNav, { path: '/account', signedIn: true });
		const me = screen.getByRole('link', { name: 'Moi' });
		expect(me).toHaveAttribute('href', '/account');
		expect(me).toHaveAttribute('aria-current', 'page');
	});
});

describe('PrimaryNav in English', () => {
	it('follows the page language', () => {
		document.documentElement.lang = 'en';
		render(PrimaryNav, { path: '/', signedIn: true });
		expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Equipment' })).toHaveAttribute('href', '/equipment');
	});
});
