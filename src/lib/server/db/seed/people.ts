import type { StaffRole } from '../../auth/permissions';

export const DEMO_PASSWORD = 'commons-demo-2026';

export type DemoPerson = {
	email: string;
	name: string;
	locale: 'fr' | 'en';
	roles: StaffRole[];
};

export const demoPeople: DemoPerson[] = [
	{ email: 'admin@example.org', name: 'Nolwenn Kerhervé', locale: 'fr', roles: ['admin'] },
	{
		email: 'desk@example.org',
		name: "Loïc Guivarc'h",
		locale: 'fr',
		roles: ['desk', 'moderator', 'reviewer']
	},
	{ email: 'camille@example.org', name: 'Camille Le Bihan', locale: 'fr', roles: [] },
	{ email: 'yann@example.org', name: 'Yann Morvan', locale: 'en', roles: [] },
	{ email: 'ewen@example.org', name: 'Ewen Quéré', locale: 'fr', roles: [] }
];
