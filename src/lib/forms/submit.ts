import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

type Options = {
	/** For forms that sign someone in or out: the next page is drawn whole (language, header). */
	reloadOnRedirect?: boolean;
	/** For forms that change the page's language: reload after a success. */
	reloadOnSuccess?: boolean;
};

/**
 * How the portal's enhanced forms behave. After a refusal, focus goes to the first field in error
 * (its label, hint and message are read out), else to the error message, as a screen reader would
 * meet them after a full page load without JavaScript.
 */
export function submit(options: Options = {}): SubmitFunction {
	return ({ formElement }) =>
		async ({ result, update }) => {
			if (result.type === 'redirect' && options.reloadOnRedirect) {
				location.assign(result.location);
				return;
			}
			if (result.type === 'success' && options.reloadOnSuccess) {
				location.reload();
				return;
			}
			await update({ reset: result.type === 'success' });
			if (result.type !== 'failure' && result.type !== 'error') return;
			await tick();
			const target =
				formElement.querySelector<HTMLElement>('[aria-invalid="true"]') ??
				document.querySelector<HTMLElement>('[role="alert"]');
			target?.focus();
		};
}
