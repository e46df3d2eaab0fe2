import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formFields } from '$lib/server/forms';

async function formDataOf(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, m.form_unreadable());
	}
}

export async function readPlainForm(request: Request) {
	return formFields(await formDataOf(request));
}

/**
 * A hand-out or return form: `swap.<held unit id>` names the asset tag handed out instead, each
 * ticked `damaged` box a unit id, and `photo` an optional picture (an empty file when none was taken).
 */
export async function readHandoverForm(request: Request) {
	const data = await formDataOf(request);
	const fields = formFields(data);
	const handedOut = Object.fromEntries(
		Object.entries(fields)
			.filter(([name]) => name.startsWith('swap.'))
			.map(([name, tag]) => [name.slice('swap.'.length), tag])
	);
	const photo = data.get('photo');
	const bytes =
		photo instanceof File && photo.size > 0 ? new Uint8Array(await photo.arrayBuffer()) : undefined;
	const damaged = data.getAll('damaged').filter((value) => typeof value === 'string');
	return { fields, input: { condition: fields.condition, handedOut, damaged, photo: bytes } };
}
