/**
 * LIKE patterns with their wildcards escaped. `!` is the escape character because a backslash is
 * read differently by MySQL and SQLite string literals; use with `LIKE :pattern ESCAPE '!'`.
 */
const escapeLike = (value: string): string => value.replace(/[!%_]/g, (c) => `!${c}`);

export const LIKE_ESCAPE = "ESCAPE '!'";
export const containsPattern = (value: string): string => `%${escapeLike(value)}%`;
export const prefixPattern = (value: string): string => `${escapeLike(value)}%`;

/**
 * A transaction the database chose to abort because of lock contention (an InnoDB deadlock or lock
 * wait timeout): running it again is the documented remedy.
 */
export function isLockContention(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } } | null)?.driverError;
  return driverError?.errno === 1213 || driverError?.errno === 1205;
}
