import type { DataSource, EntityManager } from 'typeorm';
import { isMysqlFamily } from '../database/server-flavour';

/** Makes sure the kind's counter row for the year exists; before the transaction, as for directives. */
export async function ensureNoticeCounter(dataSource: DataSource, kind: string, year: number): Promise<void> {
  const insertIgnore = isMysqlFamily(dataSource.options.type) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
  await dataSource.query(`${insertIgnore} INTO notice_counters (kind, year, last_seq) VALUES (?, ?, 0)`, [kind, year]);
}

/**
 * The next number of the kind in the year, inside the issuing transaction: the UPDATE locks the counter
 * row until commit, so concurrent issues queue up, and a rollback gives the number back.
 */
export async function nextNoticeNumber(manager: EntityManager, kind: string, year: number): Promise<number> {
  await manager.query('UPDATE notice_counters SET last_seq = last_seq + 1 WHERE kind = ? AND year = ?', [kind, year]);
  const [row] = await manager.query('SELECT last_seq AS seq FROM notice_counters WHERE kind = ? AND year = ?', [kind, year]);
  if (!row) throw new Error(`No notice counter for ${kind} ${year}: call ensureNoticeCounter first`);
  return Number(row.seq);
}
