import type { FieldChanges } from './audit-entry.entity';

const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value ?? null);

/** The fields whose values differ between two snapshots, as [before, after]; null when none do. */
export function diffFields<T extends object>(before: Partial<T> | null, after: Partial<T> | null, fields: readonly (keyof T)[]): FieldChanges | null {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const was = comparable(before?.[field]);
    const now = comparable(after?.[field]);
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[String(field)] = [was, now];
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
