import type { DataSource, EntityManager } from 'typeorm';
import { isMysqlFamily } from '../database/server-flavour';

export function formatDirectiveCode(year: number, seq: number): string {
  return `DB-${year}-${String(seq).padStart(4, '0')}`;
}

/**
 * Makes sure the year's counter row exists. Call it before the transaction that takes a number: inside
 * it, the duplicate check's shared lock followed by the UPDATE's exclusive one deadlocks two creators.
 */
export async function ensureDirectiveCounter(dataSource: DataSource, year: number): Promise<void> {
  const insertIgnore = isMysqlFamily(dataSource.options.type) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
  await dataSource.query(`${insertIgnore} INTO directive_counters (year, last_seq) VALUES (?, 0)`, [year]);
}

/**
 * Takes the next directive number of the year inside the caller's transaction. The UPDATE locks the
 * counter row until commit, so concurrent creators queue up; a rollback gives the number back.
 */
export async function nextDirectiveNumber(manager: EntityManager, year: number): Promise<number> {
  const result = await manager.query('UPDATE directive_counters SET last_seq = last_seq + 1 WHERE year = ?', [year]);
  const [row] = await manager.query('SELECT last_seq AS seq FROM directive_counters WHERE year = ?', [year]);
  if (!row) throw new Error(`No directive counter for ${year}: call ensureDirectiveCounter first (update said ${JSON.stringify(result)})`);
  return Number(row.seq);
}
