/** A pattern matching `typed` anywhere, its `%`, `_` and `\` taken as letters rather than wildcards. */
export const containing = (typed: string) => `%${typed.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
