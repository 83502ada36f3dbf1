/** Largest id a row can have (a signed 32-bit INT on both databases). */
export const MAX_ID = 2_147_483_647;

/**
 * An id written as text (a path, a query string, a form or multipart field): plain decimal digits of a
 * positive integer within the column's range, nothing else. `0x1`, `1e0`, `01`, `+1`, ` 1` and `-1`
 * are not ids, rather than being read as some other number (as `Number()` would).
 */
export function idFromText(text: string): number | null {
  return /^[1-9]\d{0,9}$/.test(text) && Number(text) <= MAX_ID ? Number(text) : null;
}

/** An id as a JSON body holds it: a positive integer within the column's range. */
export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ID;
}
