import type { DataSource, EntityManager } from 'typeorm';
import { YearlyCounter } from '../database/yearly-counter';

export function formatDirectiveCode(year: number, seq: number): string {
  return `DB-${year}-${String(seq).padStart(4, '0')}`;
}

const DIRECTIVE_COUNTER = new YearlyCounter('directive_counters');

/** Makes sure the year's counter row exists; before the transaction that takes a number (see YearlyCounter). */
export async function ensureDirectiveCounter(dataSource: DataSource, year: number): Promise<void> {
  await DIRECTIVE_COUNTER.ensure(dataSource, year, {});
}

/** Takes the next directive number of the year inside the caller's transaction; a rollback gives it back. */
export async function nextDirectiveNumber(manager: EntityManager, year: number): Promise<number> {
  return DIRECTIVE_COUNTER.next(manager, year, {});
}
