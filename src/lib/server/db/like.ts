/** `typed` with its `%`, `_` and `\` taken as letters rather than LIKE wildcards. */
export const escapeLike = (typed: string) => typed.replace(/[\\%_]/g, (character) => `\\${character}`);

/** A pattern matching `typed` anywhere. */
export const containing = (typed: string) => `%${escapeLike(typed)}%`;
