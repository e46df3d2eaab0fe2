import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { lineText, longText } from '../text-fields';
import { parsePathText } from '$lib/trails/path-text';
import { roundCoordinate } from './geo/coordinates';

export const MAX_PATH_POINTS = 10_000;

const title = () =>
	lineText({ max: 160, required: () => m.trail_title_required() }).refine((text) => text.length >= 2, {
		error: () => m.trail_title_required()
	});

export const trailSchema = z.object({
	title: title(),
	summary: longText({ max: 1000 }),
	accessibility: longText({ max: 2000 }),
	path: z
		.string()
		.default('')
		.transform((text, context) => {
			const path = parsePathText(text);
			if (path === null) {
				context.addIssue({ code: 'custom', message: m.trail_path_invalid() });
				return z.NEVER;
			}
			if (path.length > MAX_PATH_POINTS) {
				context.addIssue({ code: 'custom', message: m.trail_path_too_long({ max: MAX_PATH_POINTS }) });
				return z.NEVER;
			}
			return path;
		})
});

export const newTrailSchema = z.object({ title: title() });

const blankAsMissing = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;

const coordinate = (limit: number) =>
	z.preprocess(
		blankAsMissing,
		z.coerce
			.number({ error: () => m.stop_position_invalid() })
			.min(-limit, { error: () => m.stop_position_invalid() })
			.max(limit, { error: () => m.stop_position_invalid() })
			.transform(roundCoordinate)
	);

export const stopSchema = z.object({
	title: lineText({ max: 160, required: () => m.stop_title_required() }),
	text: longText({ max: 5000 }),
	latitude: coordinate(90),
	longitude: coordinate(180),
	radiusMetres: z.preprocess(
		blankAsMissing,
		z.coerce
			.number({ error: () => m.stop_radius_invalid() })
			.int({ error: () => m.stop_radius_invalid() })
			.min(5, { error: () => m.stop_radius_invalid() })
			.max(500, { error: () => m.stop_radius_invalid() })
			.default(25)
	)
});

export const stopMoveSchema = z.object({
	stop: z.uuid({ error: () => m.stop_not_found() }),
	to: z.coerce
		.number({ error: () => m.stop_not_found() })
		.int()
		.min(1)
});
