import { fileBytes, formFields, readFormData } from '$lib/server/forms';

/**
 * A hand-out or return form: `swap.<held unit id>` names the asset tag handed out instead, each
 * ticked `damaged` box a unit id, and `photo` an optional picture.
 */
export async function readHandoverForm(request: Request) {
	const data = await readFormData(request);
	const fields = formFields(data);
	const handedOut = Object.fromEntries(
		Object.entries(fields)
			.filter(([name]) => name.startsWith('swap.'))
			.map(([name, tag]) => [name.slice('swap.'.length), tag])
	);
	const damaged = data.getAll('damaged').filter((value) => typeof value === 'string');
	return {
		fields,
		input: { condition: fields.condition, handedOut, damaged, photo: await fileBytes(data, 'photo') }
	};
}
