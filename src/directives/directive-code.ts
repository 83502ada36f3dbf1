import type { EntityManager } from 'typeorm';
import { isMysqlFamily } from '../database/server-flavour';

export function formatDirectiveCode(year: number, seq: number): string {
  return `DB-${year}-${String(seq).padStart(4, '0')}`;
}

/**
 * Takes the next directive number of the year inside the caller's transaction. The UPDATE locks the
 * counter row until commit, so concurrent creators queue up; a rollback gives the number back.
 */
export async function nextDirectiveNumber(manager: EntityManager, year: number): Promise<number> {
  const mysql = isMysqlFamily(manager.connection.options.type);
  // The year's row is created outside the transaction (on MySQL, another pooled connection): taken
  // inside, the duplicate check's shared lock followed by the UPDATE's exclusive one deadlocks two creators.
  await (mysql ? manager.connection : manager).query(`${mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} INTO directive_counters (year, last_seq) VALUES (?, 0)`, [year]);
  await manager.query('UPDATE directive_counters SET last_seq = last_seq + 1 WHERE year = ?', [year]);
  const [row] = await manager.query('SELECT last_seq AS seq FROM directive_counters WHERE year = ?', [year]);
  return Number(row.seq);
}
