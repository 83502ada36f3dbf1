/**
 * LIKE patterns with their wildcards escaped. `!` is the escape character because a backslash is
 * read differently by MySQL and SQLite string literals; use with `LIKE :pattern ESCAPE '!'`.
 */
const escapeLike = (value: string): string => value.replace(/[!%_]/g, (c) => `!${c}`);

export const LIKE_ESCAPE = "ESCAPE '!'";
export const containsPattern = (value: string): string => `%${escapeLike(value)}%`;
export const prefixPattern = (value: string): string => `${escapeLike(value)}%`;
