import { Refused } from '../../errors';

export type TrailImportErrorCode = 'unreadable' | 'empty' | 'too_many_points' | 'out_of_range';

/** Which limit a file went over, so the message can quote it. */
export type TrailImportLimit = {
	what: 'path_points' | 'stops' | 'file_bytes';
	max: number;
	found: number;
};

/**
 * A file we will not turn into a trail. The message is for logs; callers show the reader a
 * sentence chosen by `code` in their language.
 */
export class TrailImportError extends Refused {
	declare readonly code: TrailImportErrorCode;

	constructor(
		code: TrailImportErrorCode,
		message: string,
		readonly limit?: TrailImportLimit
	) {
		super(code, message, 400);
	}
}
