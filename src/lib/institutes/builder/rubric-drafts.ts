/** A rubric criterion as the editor posts it: plain strings, checked when saved. */
export type CriterionDraft = { id: string; labelFr: string; labelEn: string; weight: string };

/** The criteria posted as `c.<index>.<name>`, in index order. */
export function criteriaFromForm(data: FormData): CriterionDraft[] {
	const text = (index: number, name: string) => {
		const value = data.get(`c.${index}.${name}`);
		return typeof value === 'string' ? value : '';
	};
	return [...data.keys()]
		.map((name) => /^c\.(\d{1,2})\.labelFr$/.exec(name)?.[1])
		.filter((index): index is string => index !== undefined)
		.map(Number)
		.sort((a, b) => a - b)
		.map((index) => ({
			id: text(index, 'id'),
			labelFr: text(index, 'labelFr'),
			labelEn: text(index, 'labelEn'),
			weight: text(index, 'weight')
		}));
}

/** What saveRubric reads from the posted criteria (a new one has no id yet). */
export const rubricInputOf = (drafts: CriterionDraft[]) => ({
	criteria: drafts.map((draft) => ({ ...draft, id: draft.id || null }))
});
