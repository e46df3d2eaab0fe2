import { m } from '$lib/paraglide/messages';
import type { FieldKind } from '$lib/institutes/form-fields';

const kindLabels: Record<string, () => string> = {
	support: m.programme_kind_support,
	incubation: m.programme_kind_incubation,
	prize: m.programme_kind_prize,
	bounty: m.programme_kind_bounty,
	patronage: m.programme_kind_patronage,
	pledge: m.programme_kind_pledge
};

export const programmeKinds = Object.keys(kindLabels);
export const kindLabel = (kind: string) => kindLabels[kind]?.() ?? kind;

const fieldKindLabels: Record<FieldKind, () => string> = {
	short_text: m.programme_field_short_text,
	long_text: m.programme_field_long_text,
	number: m.programme_field_number,
	amount: m.programme_field_amount,
	date: m.programme_field_date,
	choice: m.programme_field_choice,
	checkboxes: m.programme_field_checkboxes,
	file: m.programme_field_file,
	link: m.programme_field_link
};

export const fieldKindLabel = (kind: FieldKind) => fieldKindLabels[kind]();
