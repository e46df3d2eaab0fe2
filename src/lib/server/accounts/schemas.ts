import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../accounts/password-rules';

// Messages are functions so they are written in the language of the request that parses.
export const emailField = z
	.string({ error: () => m.form_email_required() })
	.trim()
	.toLowerCase()
	.min(1, { error: () => m.form_email_required() })
	.pipe(z.email({ error: () => m.form_email_invalid() }));

export const passwordField = z
	.string({ error: () => m.form_password_required() })
	.min(1, { error: () => m.form_password_required() });

export const newPasswordField = z
	.string({ error: () => m.form_password_required() })
	.min(PASSWORD_MIN_LENGTH, { error: () => m.form_password_too_short({ min: PASSWORD_MIN_LENGTH }) })
	.max(PASSWORD_MAX_LENGTH, { error: () => m.form_password_too_long({ max: PASSWORD_MAX_LENGTH }) });

// Control characters (NUL above all, which Postgres text refuses) have no place in a name.
const hasControlCharacters = (text: string) => [...text].some((character) => character.charCodeAt(0) < 0x20);

export const nameField = z
	.string({ error: () => m.form_name_required() })
	.trim()
	.min(1, { error: () => m.form_name_required() })
	.max(100, { error: () => m.form_name_too_long({ max: 100 }) })
	.refine((name) => !hasControlCharacters(name), { error: () => m.form_name_invalid() });

export const localeField = z.enum(['fr', 'en'], { error: () => m.form_locale_invalid() });

/** A checkbox posts "on" when ticked and nothing when not. */
export const checkboxField = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((value) => value === 'on' || value === 'true');

export const signInSchema = z.object({ email: emailField, password: passwordField });
export const emailOnlySchema = z.object({ email: emailField });
export const signUpSchema = z.object({
	name: nameField,
	email: emailField,
	password: newPasswordField
});
export const resetPasswordSchema = z.object({
	token: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, { error: () => m.reset_link_invalid() }),
	password: newPasswordField
});
export const profileSchema = z.object({
	name: nameField,
	locale: localeField,
	notifyReminders: checkboxField,
	notifyWaitlist: checkboxField,
	notifyApplications: checkboxField
});
export const changePasswordSchema = z.object({
	currentPassword: passwordField,
	newPassword: newPasswordField
});
export const deleteAccountSchema = z.object({ confirmEmail: emailField });
